import type { ChatUser, Platform } from '../../platform/chat-event';
import { AppError } from '../../kernel/app-error';
import type { Attendance, Cohort, Session } from '../../domain/types';
import type { Stores } from '../../stores/create-stores';
import { isEarlyLeave, judgeSignIn, nextSession, pickSignInSession, signInOpensAt } from './attendance-rules';
import { formatDayTime, formatTime } from '../../kernel/local-time';
import { planApproved } from '../cohorts';
import { alreadySignedIn, NO_SESSION_AHEAD, notSignInTime, PLAN_AWAITING_APPROVAL, PLAN_NOT_APPROVED, PLAN_REJECTED, signInNotOpen } from './texts';

/** Outcome of a 签到 message. */
export type SignInOutcome =
  | { kind: 'recorded'; session: Session; record: Attendance; created: boolean }
  | { kind: 'not_open'; session: Session; opensAt: Date }
  | { kind: 'no_session'; next: Session | null };

/** Says, in Chinese, why a plan that is not approved blocks the cohort (seed: 第五条). */
export function assertPlanApproved(cohort: Cohort): void {
  if (planApproved(cohort)) return;
  const why = cohort.plan.status === 'submitted' ? PLAN_AWAITING_APPROVAL : cohort.plan.status === 'rejected' ? PLAN_REJECTED : PLAN_NOT_APPROVED;
  throw new AppError('PLAN_NOT_APPROVED', why);
}

const LOOKAHEAD_MS = 24 * 3600_000;

/** Records a trainee's sign-in for the session whose window is open (SPEC §3.1). */
export async function signIn(
  stores: Stores,
  input: { cohort: Cohort; platform: Platform; user: ChatUser; at: Date; eventId: string; enrolIfMissing: boolean },
): Promise<SignInOutcome> {
  const { cohort, platform, user, at } = input;
  assertPlanApproved(cohort);
  const horizon = new Date(at.getTime() + cohort.settings.signInOpensMinutes * 60_000);
  const candidates = await stores.sessions.listOverlapping(cohort.id, at, horizon);
  // Which sessions the trainee has signed in to matters only where more than one is open (the
  // first not signed in is taken); with one, the insert below says whether a record stands.
  const signed = new Set<string>();
  if (candidates.filter((s) => !s.cancelled && judgeSignIn(s, at, cohort.settings).kind === 'ok').length > 1) {
    for (const s of candidates) {
      if (await stores.attendance.find(s.id, platform, user.id)) signed.add(s.id);
    }
  }
  const session = pickSignInSession(candidates, at, cohort.settings, (id) => signed.has(id));
  if (!session) {
    const upcoming = await stores.sessions.listOverlapping(cohort.id, at, new Date(at.getTime() + LOOKAHEAD_MS * 30));
    const next = nextSession(upcoming, at);
    if (next && signInOpensAt(next, cohort.settings).getTime() > at.getTime()) {
      return { kind: 'not_open', session: next, opensAt: signInOpensAt(next, cohort.settings) };
    }
    return { kind: 'no_session', next };
  }
  const verdict = judgeSignIn(session, at, cohort.settings);
  if (verdict.kind !== 'ok') return { kind: 'no_session', next: null };
  if (input.enrolIfMissing) await stores.members.enrolTrainees(cohort.id, platform, [user], at);
  const { record, created } = await stores.attendance.insertOnce({
    sessionId: session.id,
    cohortId: cohort.id,
    platform,
    userId: user.id,
    name: user.name,
    status: verdict.status,
    notEarly: verdict.notEarly,
    minutesLate: verdict.minutesLate,
    signedInAt: at,
    sourceEventId: input.eventId,
  });
  return { kind: 'recorded', session, record, created };
}

/** Outcome of a 签退 message. */
export type SignOutOutcome =
  | { kind: 'signed_out'; session: Session; record: Attendance; already: boolean }
  | { kind: 'not_signed_in' };

/** Records 签退 for the latest session the trainee signed in to; early leave before the end. */
export async function signOut(
  stores: Stores,
  input: { cohort: Cohort; platform: Platform; user: ChatUser; at: Date; hasApprovedLeave: (session: Session) => Promise<boolean> },
): Promise<SignOutOutcome> {
  const { cohort, platform, user, at } = input;
  const recent = await stores.sessions.listOverlapping(cohort.id, new Date(at.getTime() - 6 * 3600_000), at);
  for (const session of recent.filter((s) => s.startsAt.getTime() - 3600_000 <= at.getTime()).reverse()) {
    const record = await stores.attendance.find(session.id, platform, user.id);
    if (!record || (record.status !== 'on_time' && record.status !== 'late')) continue;
    if (record.signedOutAt) return { kind: 'signed_out', session, record, already: true };
    const early = isEarlyLeave(session, at, await input.hasApprovedLeave(session));
    const updated = await stores.attendance.signOut(session.id, platform, user.id, at, early);
    return { kind: 'signed_out', session, record: updated ?? record, already: false };
  }
  return { kind: 'not_signed_in' };
}

/** The Chinese sentence for a sign-in a trainee repeated or made outside a window. */
export function describeSignIn(outcome: SignInOutcome, tz: string): string {
  switch (outcome.kind) {
    case 'recorded': {
      const r = outcome.record;
      return alreadySignedIn(r.signedInAt ? formatTime(r.signedInAt, tz) : '', r.status, r.minutesLate, outcome.session.title);
    }
    case 'not_open':
      return signInNotOpen(formatDayTime(outcome.session.startsAt, tz), outcome.session.title, formatTime(outcome.opensAt, tz));
    case 'no_session':
      return outcome.next ? notSignInTime(formatDayTime(outcome.next.startsAt, tz), outcome.next.title) : NO_SESSION_AHEAD;
  }
}
