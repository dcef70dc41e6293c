import type { ChatTarget, OutgoingMessage } from '../../platform/chat-event';
import type { Logger } from '../../kernel/logger';
import type { Attendance, Cohort, Member, Session } from '../../domain/types';
import { formatDayTime, formatTime } from '../../kernel/local-time';
import { maskPhonesInText } from '../../kernel/privacy';
import { LiveBoard, realBoardTiming, type BoardTiming } from '../../pipeline/live-board';

export type { BoardTiming } from '../../pipeline/live-board';
import { andMore, ATTENDANCE_STATUS_NAMES as NAMES, lateMinutes, NOT_EARLY, NOT_SIGNED_IN, rosterHeading, ROSTER_HINT } from './texts';

/** Reads what the board shows: the trainees enrolled, the records so far, and who approved leave excuses. */
export interface BoardSource {
  trainees(cohortId: string): Promise<Member[]>;
  records(sessionId: string): Promise<Attendance[]>;
  /** User ids of the trainees whose approved leave covers the session; without it, only leave already written as a record shows. */
  onLeave?(cohortId: string, session: Session): Promise<ReadonlySet<string>>;
}

/** Names shown per list on the board; a longer list ends in 「等 N 人」 (the full list is 签到名单's). */
export const BOARD_MAX_NAMES = 8;

/** Who is where at one session's sign-in: what the board and the full list (签到名单) both count. */
export interface SignInTally {
  /** Everyone the session counts: enrolled trainees and anyone with a record. */
  total: number;
  onTime: Attendance[];
  late: Attendance[];
  /** Names on leave: leave records, and trainees without a record whose approved leave covers the session. */
  leave: string[];
  absent: Attendance[];
  /** Enrolled trainees with no record and no approved leave. */
  missing: Member[];
}

/** Sorts a session's trainees and records into the board's groups (SPEC §3.1, §3.2: approved leave is not missing). */
export function tallySignIn(trainees: Member[], records: Attendance[], onLeave: ReadonlySet<string> = new Set()): SignInTally {
  const byUser = new Set(records.map((r) => r.userId));
  const unrecorded = trainees.filter((t) => !byUser.has(t.userId));
  return {
    total: new Set([...trainees.map((t) => t.userId), ...records.map((r) => r.userId)]).size,
    onTime: records.filter((r) => r.status === 'on_time'),
    late: records.filter((r) => r.status === 'late'),
    leave: [...records.filter((r) => r.status === 'leave').map((r) => r.name), ...unrecorded.filter((t) => onLeave.has(t.userId)).map((t) => t.name)],
    absent: records.filter((r) => r.status === 'absent'),
    missing: unrecorded.filter((t) => !onLeave.has(t.userId)),
  };
}

/** The counts line both the board and the full list lead with: 已签到 N/M, then each group that has anyone. */
function countsLine(t: SignInTally): string {
  const counts: [string, number][] = [
    [NAMES.late, t.late.length],
    [NAMES.leave, t.leave.length],
    [NAMES.absent, t.absent.length],
    [NOT_SIGNED_IN, t.missing.length],
  ];
  return [`已签到 ${t.onTime.length + t.late.length}/${t.total}`, ...counts.filter(([, n]) => n > 0).map(([name, n]) => `${name} ${n}`)].join(' · ');
}

const BY_NAME = new Intl.Collator('zh-CN');
const lateName = (r: Attendance) => `${r.name}(${lateMinutes(r.minutesLate)})`;
const when = (session: Session, tz: string) => `${formatDayTime(session.startsAt, tz)}-${formatTime(session.endsAt, tz)}`;

/**
 * Renders the live sign-in board of one session (SPEC §3.1: who is in, how many missing): the
 * counts, then only the exceptions by name — late with minutes, on leave, absent, not signed in
 * (and 未提前入场 where the cohort flags it) — each list cut at `BOARD_MAX_NAMES`. Those on time
 * are counted, not named; 签到名单 gives staff and lecturers the full list. Phone numbers in
 * nicknames are masked.
 */
export function renderBoard(
  session: Session,
  cohort: Pick<Cohort, 'timezone' | 'settings'>,
  trainees: Member[],
  records: Attendance[],
  onLeave: ReadonlySet<string> = new Set(),
): string {
  const t = tallySignIn(trainees, records, onLeave);
  let cut = false;
  const names = (list: string[]): string => {
    if (list.length <= BOARD_MAX_NAMES) return list.join('、');
    cut = true;
    return andMore(list.slice(0, BOARD_MAX_NAMES).join('、'), list.length);
  };
  const lines = [`📋 签到 ${when(session, cohort.timezone)} ${session.title}`, countsLine(t)];
  const notEarly = cohort.settings.flagNotEarly ? t.onTime.filter((r) => r.notEarly) : [];
  if (notEarly.length) lines.push(`🔔 ${NOT_EARLY}：${names(notEarly.map((r) => r.name))}`);
  if (t.late.length) lines.push(`⏰ ${NAMES.late}：${names(t.late.map(lateName))}`);
  if (t.leave.length) lines.push(`📝 ${NAMES.leave}：${names(t.leave)}`);
  if (t.absent.length) lines.push(`❌ ${NAMES.absent}：${names(t.absent.map((r) => r.name))}`);
  if (t.missing.length) lines.push(`⬜ ${NOT_SIGNED_IN}：${names(t.missing.map((m) => m.name))}`);
  if (t.onTime.length > notEarly.length || cut) lines.push(ROSTER_HINT);
  return maskPhonesInText(lines.join('\n'));
}

/**
 * Renders the full sign-in list of one session (签到名单, for staff and lecturers, sent
 * privately): the board's counts, then every group with everyone in it by name.
 */
export function renderRoster(
  session: Session,
  cohort: Pick<Cohort, 'timezone' | 'settings'>,
  trainees: Member[],
  records: Attendance[],
  onLeave: ReadonlySet<string> = new Set(),
): string {
  const t = tallySignIn(trainees, records, onLeave);
  const flag = cohort.settings.flagNotEarly;
  const groups: [string, string[]][] = [
    // The long list is looked up by name, so it is in name (pinyin) order; the others keep arrival or roster order.
    [`✅ ${NAMES.on_time}`, [...t.onTime].sort((a, b) => BY_NAME.compare(a.name, b.name)).map((r) => (flag && r.notEarly ? `${r.name}(${NOT_EARLY})` : r.name))],
    [`⏰ ${NAMES.late}`, t.late.map(lateName)],
    [`📝 ${NAMES.leave}`, t.leave],
    [`❌ ${NAMES.absent}`, t.absent.map((r) => r.name)],
    [`⬜ ${NOT_SIGNED_IN}`, t.missing.map((m) => m.name)],
  ];
  const lines = [rosterHeading(when(session, cohort.timezone), session.title), countsLine(t)];
  for (const [label, list] of groups) if (list.length) lines.push(`${label} ${list.length}：${list.join('、')}`);
  return maskPhonesInText(lines.join('\n'));
}

/**
 * Coalesces sign-in replies into one board per session and group (SPEC §3.1), on the shared
 * LiveBoard: the first sign-in shows it at once, later ones refresh it at most every
 * `intervalMs`, and a board that would read the same as the one last sent is not sent again.
 * The board is rendered when it is sent, from what `source` reads then (the hot state in a bot
 * process), so it never shows a record that was not stored.
 */
export class SignInBoard {
  private readonly board: LiveBoard;
  /**
   * The boards this process has shown, by session and group, so a leave decision can show them
   * again; with the trainees whose records the board the group last read counts.
   */
  private readonly shown = new Map<string, { session: Session; cohort: Cohort; target: ChatTarget; counted?: ReadonlySet<string> }>();

  constructor(
    private readonly source: BoardSource,
    send: (target: ChatTarget, message: OutgoingMessage) => Promise<void>,
    log: Logger,
    intervalMs: number,
    timing: BoardTiming = realBoardTiming,
  ) {
    this.board = new LiveBoard(send, log, intervalMs, timing);
  }

  /** Boards the process keeps state for right now (pending, being sent, or recently sent). */
  get size(): number {
    return this.board.size;
  }

  /**
   * Asks for the board of `session` to be shown in `target`: at once when none went out within
   * the interval, else at the next refresh. With `standing`, the user id of a sign-in that was
   * already recorded (a repeated 签到, a retry), nothing is asked when the board the group last
   * read counts that trainee already: the board would read the same. Never throws.
   */
  touch(session: Session, cohort: Cohort, target: ChatTarget, standing?: string): Promise<void> {
    const id = `${session.id}|${target.id}`;
    const counted = this.shown.get(id)?.counted;
    if (standing !== undefined && counted?.has(standing)) return Promise.resolve();
    this.shown.set(id, { session, cohort, target, counted });
    let read: ReadonlySet<string> | undefined;
    return this.board.touch(
      `signin:${session.id}`,
      target,
      async () => {
        const [trainees, records, onLeave] = await Promise.all([
          this.source.trainees(session.cohortId),
          this.source.records(session.id),
          this.source.onLeave?.(session.cohortId, session),
        ]);
        read = new Set(records.map((r) => r.userId));
        return renderBoard(session, cohort, trainees, records, onLeave);
      },
      () => {
        const entry = this.shown.get(id);
        if (entry && read) entry.counted = read;
      },
    );
  }

  /**
   * Shows again the boards this process has shown for a cohort's sessions that have not ended
   * at `now`: approved leave changes who is 请假 and who is 未签到 (SPEC §3.2), and the group
   * should not read the old board until the next sign-in or the closing. An unchanged board is not sent.
   */
  async refreshCohort(cohortId: string, now: Date): Promise<void> {
    this.forgetEnded(now);
    for (const { session, cohort, target } of [...this.shown.values()]) {
      if (session.cohortId === cohortId) await this.touch(session, cohort, target);
    }
  }

  /** Forgets the boards of sessions that ended by `now` (closing shows who was absent; no refresh is owed). */
  forgetEnded(now: Date): void {
    for (const [key, { session }] of this.shown) if (session.endsAt.getTime() <= now.getTime()) this.shown.delete(key);
  }

  /** Sends every pending board now and stops the timers (used at shutdown). */
  flushAll(): Promise<void> {
    return this.board.flushAll();
  }

  /** Forgets the boards that are sent and idle (a pending board stays); returns how many were dropped. */
  sweep(): number {
    return this.board.sweep();
  }
}
