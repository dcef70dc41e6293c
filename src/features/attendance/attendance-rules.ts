import type { AttendanceStatus, CohortSettings, Session } from '../../domain/types';

/** What a sign-in at a given instant means for a session. */
export type SignInVerdict =
  | { kind: 'not_open'; opensAt: Date }
  | { kind: 'closed' }
  | { kind: 'ok'; status: Extract<AttendanceStatus, 'on_time' | 'late'>; notEarly: boolean; minutesLate: number };

const MINUTE = 60_000;

/** When sign-in opens for a session. */
export function signInOpensAt(session: Pick<Session, 'startsAt'>, settings: CohortSettings): Date {
  return new Date(session.startsAt.getTime() - settings.signInOpensMinutes * MINUTE);
}

/**
 * Judges a sign-in (seed: 培训会场制度 (2)(3) — sign-in is kept, arrive 5 minutes early,
 * no lateness). Opens `signInOpensMinutes` before the start; by start − `arriveEarlyMinutes`
 * on time; until the start on time (flagged 未提前入场 if the cohort asks); after the start
 * late with whole minutes late (at least one); after the end closed.
 */
export function judgeSignIn(session: Pick<Session, 'startsAt' | 'endsAt'>, at: Date, settings: CohortSettings): SignInVerdict {
  const t = at.getTime();
  const start = session.startsAt.getTime();
  const opens = signInOpensAt(session, settings);
  if (t < opens.getTime()) return { kind: 'not_open', opensAt: opens };
  if (t > session.endsAt.getTime()) return { kind: 'closed' };
  if (t <= start - settings.arriveEarlyMinutes * MINUTE) return { kind: 'ok', status: 'on_time', notEarly: false, minutesLate: 0 };
  if (t <= start) return { kind: 'ok', status: 'on_time', notEarly: settings.flagNotEarly, minutesLate: 0 };
  return { kind: 'ok', status: 'late', notEarly: false, minutesLate: Math.max(1, Math.floor((t - start) / MINUTE)) };
}

/** 签退 before the end is early leave (早退) unless the trainee has approved leave (seed: 培训室管理规程 (1)). */
export function isEarlyLeave(session: Pick<Session, 'endsAt'>, at: Date, hasApprovedLeave: boolean): boolean {
  return !hasApprovedLeave && at.getTime() < session.endsAt.getTime();
}

/**
 * Picks the session a sign-in at `at` belongs to: among sessions whose window is open,
 * the earliest one the trainee has not yet signed in to, else the earliest open one.
 */
export function pickSignInSession<S extends Pick<Session, 'id' | 'startsAt' | 'endsAt' | 'cancelled'>>(
  sessions: S[],
  at: Date,
  settings: CohortSettings,
  alreadySigned: (sessionId: string) => boolean = () => false,
): S | null {
  const open = sessions
    .filter((s) => !s.cancelled && judgeSignIn(s, at, settings).kind === 'ok')
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return open.find((s) => !alreadySigned(s.id)) ?? open[0] ?? null;
}

/** The next session that has not started yet, to tell a trainee when sign-in opens. */
export function nextSession<S extends Pick<Session, 'startsAt' | 'cancelled'>>(sessions: S[], at: Date): S | null {
  return sessions.filter((s) => !s.cancelled && s.startsAt.getTime() > at.getTime()).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0] ?? null;
}
