import { AppError } from '../../kernel/app-error';
import type { Cohort, Session } from '../../domain/types';
import type { Platform } from '../../platform/chat-event';
import type { Stores } from '../../stores/create-stores';
import { buildSessionSummary, unpackRecords, type PackedSessionSummary, type SessionSummary, type SummaryRecord } from '../../stores/session-summary-store';
import { leaveCovers, type LeaveLike } from '../leave';
import { surveyProgress } from '../feedback';
import { COHORT_UNKNOWN } from '../cohorts';
import { localDayBounds, type DigestInput } from './digest';

/**
 * Reads everything one cohort's daily digest needs from the stores (plain finds per cohort,
 * inside what FerretDB 1.24 serves), survey and follow-up progress included. The one gathering
 * for the scheduled digest and 日报 on demand, so the two always show the same sections.
 */
export async function gatherDigestInput(stores: Stores, cohortId: string): Promise<DigestInput> {
  // Progress first, then the rest: the same order of reads the digest benchmark times.
  const progress = await surveyProgress(stores, cohortId);
  const cohort = await stores.cohorts.findById(cohortId);
  if (!cohort) throw new AppError('COHORT_UNKNOWN', COHORT_UNKNOWN, `cohort ${cohortId} not found`);
  const [sessions, members, attendance, leave, homework, submissions, moderation] = await Promise.all([
    stores.sessions.listByCohort(cohortId),
    stores.members.listWithRole(cohortId, 'trainee'),
    stores.attendance.listByCohort(cohortId),
    stores.leave.listByCohort(cohortId),
    stores.homework.listByCohort(cohortId),
    stores.submissions.listByCohort(cohortId),
    stores.moderation.listByCohort(cohortId),
  ]);
  return { cohort, sessions, members, attendance, leave, homework, submissions, moderation, progress };
}

/**
 * One cohort's digest, with who receives it, as gathered for the scheduled digest. Its input is
 * kept packed as read until `unpack` (one cohort at a time: every cohort's rows as objects at
 * once would cost hundreds of megabytes); each call returns a new input.
 */
export interface GatheredDigest {
  cohort: Cohort;
  /** The cohort's own day the digest is for. */
  day: string;
  /** Active staff members' user ids, in order of joining. */
  staffIds: string[];
  /** Platforms of the cohort's bound groups. */
  platforms: Platform[];
  unpack(): DigestInput;
}

/** Raw attendance reads in flight at once for sessions with no current summary. */
const RAW_FALLBACK_CONCURRENCY = 4;
/**
 * A leave decided this close to (or after) a summary's build may not be in it: closing reads the
 * approved leave before it writes and summarises, and a decision turns absences into leave a
 * moment after its own time. Such sessions are read from the raw rows.
 */
const LEAVE_DECISION_MARGIN_MS = 10 * 60_000;

/** Whether a session's summary still holds its attendance: no leave covering it was decided near or after its build (see LEAVE_DECISION_MARGIN_MS). */
export function summaryIsCurrent<S extends Pick<SessionSummary, 'builtAt'>>(summary: S | undefined, session: Session, leave: readonly (LeaveLike & { decidedAt?: Date })[]): summary is S {
  return summary !== undefined && !leave.some((l) => leaveCovers(l, session) && l.decidedAt !== undefined && l.decidedAt.getTime() >= summary.builtAt.getTime() - LEAVE_DECISION_MARGIN_MS);
}

/**
 * The scheduled digest's reads for many cohorts at once: each collection read once for all of
 * them (src/stores/digest-read-store.ts), attendance from the session summaries written at close.
 * A held session whose summary is missing (closed before summaries existed, or ended and not yet
 * closed) or out of date (a leave covering it was decided after the summary was built: the
 * absences it turned into leave) is read from its raw rows instead, and a closed one gets its
 * summary rebuilt. The inputs are the ones gatherDigestInput would return, as computeDigest reads them.
 */
export async function gatherDigestInputs(
  stores: Stores,
  cohorts: readonly { cohort: Cohort; day: string }[],
  now: Date,
): Promise<GatheredDigest[]> {
  const ids = cohorts.map((c) => c.cohort.id);
  const summaries = new Map<string, PackedSessionSummary>();
  const [rows] = await Promise.all([
    stores.digestReads.readCohortsPacked(ids),
    (async () => {
      for await (const s of stores.sessionSummaries.streamPackedByCohorts(ids)) summaries.set(s.sessionId, s);
    })(),
  ]);

  /** A held session's attendance: its summary's packed records, or the raw rows read below. */
  type Part = { sessionId: string; packed: string } | SummaryRecord[];
  const raw: { session: Session; into: Part[] }[] = [];
  const gathered = cohorts.map(({ cohort, day }): GatheredDigest => {
    const r = rows.get(cohort.id)!;
    const sessions = stores.digestReads.sessionsOf(cohort.id, r);
    const leave = stores.digestReads.leaveOf(r);
    const members = stores.digestReads.membersOf(r);
    const cutoff = Math.min(localDayBounds(day, cohort.timezone).end, now.getTime());
    const held = sessions.filter((s) => !s.cancelled && s.day <= day && (s.endsAt.getTime() <= cutoff || (s.closedAt !== undefined && s.closedAt.getTime() <= cutoff)));
    const attendance: Part[] = [];
    for (const session of held) {
      const summary = summaries.get(session.id);
      if (summaryIsCurrent(summary, session, leave)) attendance.push({ sessionId: summary.sessionId, packed: summary.records });
      else raw.push({ session, into: attendance });
    }
    return {
      cohort,
      day,
      staffIds: members.filter((m) => m.roles.includes('staff')).map((m) => m.userId),
      platforms: r.platforms,
      unpack: (): DigestInput => {
        const u = stores.digestReads.unpack(cohort.id, r);
        return {
          cohort,
          sessions: u.sessions,
          members: u.members.filter((m) => m.roles.includes('trainee')),
          // Held sessions only: computeDigest reads no others.
          attendance: attendance.flatMap((part) => (Array.isArray(part) ? part : unpackRecords(part.sessionId, part.packed))),
          leave: u.leave,
          homework: u.homework,
          submissions: u.submissions,
          moderation: u.moderation,
          progress: { surveys: u.surveys, followUps: u.followUps },
        };
      },
    };
  });
  // Each cohort's packed rows now belong to its own digest alone, and go when it is done.
  summaries.clear();
  rows.clear();

  // Sessions without a current summary: their raw rows, a few at a time; closed ones are summarised again.
  const rebuilt: SessionSummary[] = [];
  for (let i = 0; i < raw.length; i += RAW_FALLBACK_CONCURRENCY) {
    await Promise.all(
      raw.slice(i, i + RAW_FALLBACK_CONCURRENCY).map(async ({ session, into }) => {
        const records = await stores.sessionSummaries.rawRecords(session.id);
        into.push(records);
        if (session.closedAt) rebuilt.push(buildSessionSummary(session, records, now));
      }),
    );
  }
  await stores.sessionSummaries.write(rebuilt);
  return gathered;
}
