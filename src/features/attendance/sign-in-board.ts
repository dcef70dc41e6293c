import type { ChatTarget, OutgoingMessage } from '../../platform/chat-event';
import type { Logger } from '../../kernel/logger';
import type { Attendance, Cohort, Member, Session } from '../../domain/types';
import { formatDayTime, formatTime } from '../../kernel/local-time';
import { maskPhonesInText } from '../../kernel/privacy';
import { ATTENDANCE_STATUS_NAMES as NAMES, lateMinutes, NOT_EARLY, NOT_SIGNED_IN } from './texts';

/** Reads what the board shows: the trainees enrolled and the records so far. */
export interface BoardSource {
  trainees(cohortId: string): Promise<Member[]>;
  records(sessionId: string): Promise<Attendance[]>;
}

const MAX_NAMES = 40;

function names(list: string[]): string {
  return list.length > MAX_NAMES ? `${list.slice(0, MAX_NAMES).join('、')} 等 ${list.length} 人` : list.join('、');
}

/** Renders the live sign-in board of one session (SPEC §3.1: who is in, how many missing); phone numbers in nicknames masked. */
export function renderBoard(session: Session, cohort: Pick<Cohort, 'timezone' | 'settings'>, trainees: Member[], records: Attendance[]): string {
  const tz = cohort.timezone;
  const byUser = new Map(records.map((r) => [r.userId, r]));
  const present = records.filter((r) => r.status === 'on_time' || r.status === 'late');
  const late = present.filter((r) => r.status === 'late');
  const leave = records.filter((r) => r.status === 'leave');
  const absent = records.filter((r) => r.status === 'absent');
  const missing = trainees.filter((t) => !byUser.has(t.userId));
  const total = new Set([...trainees.map((t) => t.userId), ...records.map((r) => r.userId)]).size;
  const lines = [
    `📋 签到 ${formatDayTime(session.startsAt, tz)}-${formatTime(session.endsAt, tz)} ${session.title}`,
    `已签到 ${present.length}/${total}` +
      (late.length ? ` · ${NAMES.late} ${late.length}` : '') +
      (leave.length ? ` · ${NAMES.leave} ${leave.length}` : '') +
      (absent.length ? ` · ${NAMES.absent} ${absent.length}` : '') +
      (missing.length ? ` · ${NOT_SIGNED_IN} ${missing.length}` : ''),
  ];
  const onTime = present.filter((r) => r.status === 'on_time');
  if (onTime.length) lines.push(`✅ ${names(onTime.map((r) => (r.notEarly && cohort.settings.flagNotEarly ? `${r.name}(${NOT_EARLY})` : r.name)))}`);
  if (late.length) lines.push(`⏰ ${NAMES.late}：${names(late.map((r) => `${r.name}(${lateMinutes(r.minutesLate)})`))}`);
  if (leave.length) lines.push(`📝 ${NAMES.leave}：${names(leave.map((r) => r.name))}`);
  if (absent.length) lines.push(`❌ ${NAMES.absent}：${names(absent.map((r) => r.name))}`);
  if (missing.length) lines.push(`⬜ ${NOT_SIGNED_IN}：${names(missing.map((t) => t.name))}`);
  return maskPhonesInText(lines.join('\n'));
}

/** A scheduled board refresh that can be called off. */
export interface BoardTimer {
  cancel(): void;
}

/** Where the board reads the time and schedules refreshes; tests inject a controllable pair. */
export interface BoardTiming {
  /** Milliseconds since the epoch, for the refresh interval (real time, not the cohort clock). */
  now(): number;
  /** Runs `refresh` after `ms` milliseconds unless cancelled. */
  schedule(refresh: () => Promise<void>, ms: number): BoardTimer;
}

/** Real time and setTimeout. */
export const realBoardTiming: BoardTiming = {
  now: () => Date.now(),
  schedule(refresh, ms) {
    const handle = setTimeout(() => void refresh(), ms);
    return { cancel: () => clearTimeout(handle) };
  },
};

interface BoardState {
  timer: BoardTimer | null;
  lastSentAt: number;
  sending: boolean;
  dirty: boolean;
  target: ChatTarget;
  session: Session;
  cohort: Cohort;
}

/**
 * Coalesces sign-in replies into one board per session: the first sign-in shows it at
 * once, later ones refresh it at most every `intervalMs` (SPEC §3.1). The board is rendered
 * from the database, so it never shows a record that was not stored. What it keeps per board
 * lives only until `sweep()` finds the board sent and idle (the process's local timers call it).
 */
export class SignInBoard {
  private readonly states = new Map<string, BoardState>();

  constructor(
    private readonly source: BoardSource,
    private readonly send: (target: ChatTarget, message: OutgoingMessage) => Promise<void>,
    private readonly log: Logger,
    private readonly intervalMs: number,
    private readonly timing: BoardTiming = realBoardTiming,
  ) {}

  /** Boards the process keeps state for right now (pending, being sent, or recently sent). */
  get size(): number {
    return this.states.size;
  }

  /** Asks for the board of `session` to be shown in `target` soon. */
  touch(session: Session, cohort: Cohort, target: ChatTarget): void {
    const key = `${session.id}|${target.id}`;
    let state = this.states.get(key);
    if (!state) {
      state = { timer: null, lastSentAt: 0, sending: false, dirty: false, target, session, cohort };
      this.states.set(key, state);
    }
    state.session = session;
    state.cohort = cohort;
    if (state.sending) {
      state.dirty = true;
      return;
    }
    if (state.timer) return;
    const wait = Math.max(0, state.lastSentAt + this.intervalMs - this.timing.now());
    state.timer = this.timing.schedule(() => this.flush(key), wait);
  }

  private async flush(key: string): Promise<void> {
    const state = this.states.get(key);
    if (!state) return;
    state.timer = null;
    state.sending = true;
    state.dirty = false;
    try {
      const [trainees, records] = await Promise.all([
        this.source.trainees(state.session.cohortId),
        this.source.records(state.session.id),
      ]);
      await this.send(state.target, { text: renderBoard(state.session, state.cohort, trainees, records) });
    } catch (err) {
      this.log.error({ err, sessionId: state.session.id }, 'sign-in board update failed');
    } finally {
      state.lastSentAt = this.timing.now();
      state.sending = false;
    }
    if (state.dirty) this.touch(state.session, state.cohort, state.target);
  }

  /** Sends every pending board now and stops the timers (used at shutdown). */
  async flushAll(): Promise<void> {
    const pending = [...this.states.entries()].filter(([, s]) => s.timer !== null || s.dirty);
    for (const [key, s] of pending) {
      s.timer?.cancel();
      await this.flush(key);
    }
    for (const s of this.states.values()) s.timer?.cancel();
    this.states.clear();
  }

  /**
   * Forgets the boards that are sent and idle: nothing scheduled, nothing being sent, no
   * refresh asked for, and the last send at least one interval ago. Such a state changes
   * nothing any more (the next 签到 would show the board at once either way), so dropping it
   * loses no update; a board that is still pending stays. Returns how many were dropped.
   */
  sweep(): number {
    const now = this.timing.now();
    let dropped = 0;
    for (const [key, s] of this.states) {
      if (s.timer || s.sending || s.dirty || now - s.lastSentAt < this.intervalMs) continue;
      this.states.delete(key);
      dropped++;
    }
    return dropped;
  }
}
