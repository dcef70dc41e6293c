import type { Logger } from '../kernel/logger';
import type { ChatTarget, OutgoingMessage } from '../platform/chat-event';

/** A scheduled board refresh that can be called off. */
export interface BoardTimer {
  cancel(): void;
}

/** Where a board reads the time and schedules refreshes; tests inject a controllable pair. */
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

/** Boards whose last text is remembered past `sweep()`; a process runs a few dozen boards at a time. */
const MAX_REMEMBERED = 500;

interface BoardState {
  timer: BoardTimer | null;
  lastSentAt: number;
  sending: boolean;
  dirty: boolean;
  target: ChatTarget;
  render: () => Promise<string>;
  shown?: () => void;
}

/**
 * Coalesces many updates of one thing (a homework's submissions) into one live board per
 * conversation, the way the sign-in board does: the first touch shows it at once, later ones
 * refresh it at most every `intervalMs` (one send per interval, whatever the number of
 * touches), and a board that would read the same as the one last sent is not sent again. The
 * board is rendered when it is sent, from what `render` reads then, so it never shows what was
 * not stored. Its timing state lives only until `sweep()` finds the board sent and idle; the
 * last text sent is kept for a bounded number of boards.
 */
export class LiveBoard {
  private readonly states = new Map<string, BoardState>();
  /** The text each board was last sent with, kept past `sweep()` and `flushAll()` (bounded, oldest forgotten first) so an unchanged board is not sent again. */
  private readonly lastSent = new Map<string, string>();

  constructor(
    private readonly send: (target: ChatTarget, message: OutgoingMessage) => Promise<void>,
    private readonly log: Logger,
    private readonly intervalMs: number,
    private readonly timing: BoardTiming = realBoardTiming,
  ) {}

  /** Boards the process keeps state for right now (pending, being sent, or recently sent). */
  get size(): number {
    return this.states.size;
  }

  /**
   * Asks for the board `key` to be shown in `target`, as `render` will then say. A board not
   * sent within the last interval is sent before this returns (so the first touch of a burst
   * shows at once, in the handling of the message that caused it); otherwise the refresh is
   * scheduled for one interval after the last send. `shown` is called once the group reads
   * what that render said (sent, or the same as the text last sent). Never throws: a failed
   * update is logged.
   */
  async touch(key: string, target: ChatTarget, render: () => Promise<string>, shown?: () => void): Promise<void> {
    const id = `${key}|${target.kind}:${target.id}`;
    let state = this.states.get(id);
    if (!state) {
      state = { timer: null, lastSentAt: 0, sending: false, dirty: false, target, render };
      this.states.set(id, state);
    }
    state.render = render;
    state.shown = shown;
    if (state.sending) {
      state.dirty = true;
      return;
    }
    if (state.timer) return;
    if (this.waitFor(state) === 0) await this.flush(id);
    else this.arm(id, state);
  }

  private waitFor(state: BoardState): number {
    return Math.max(0, state.lastSentAt + this.intervalMs - this.timing.now());
  }

  /** Schedules the board's next refresh, one interval after its last send at the earliest. */
  private arm(id: string, state: BoardState): void {
    if (state.timer) return;
    state.timer = this.timing.schedule(() => this.flush(id), this.waitFor(state));
  }

  private async flush(id: string): Promise<void> {
    const state = this.states.get(id);
    if (!state) return;
    state.timer = null;
    state.sending = true;
    state.dirty = false;
    let unchanged = false;
    const { render, shown } = state;
    try {
      const text = await render();
      unchanged = this.lastSent.get(id) === text;
      if (!unchanged) {
        await this.send(state.target, { text });
        this.remember(id, text);
      }
      shown?.();
    } catch (err) {
      this.log.error({ err, board: id }, 'board update failed');
    } finally {
      // Nothing sent, nothing to space: the next change goes out as soon as it would have.
      if (!unchanged) state.lastSentAt = this.timing.now();
      state.sending = false;
    }
    if (state.dirty) this.arm(id, state);
  }

  private remember(id: string, text: string): void {
    this.lastSent.delete(id);
    this.lastSent.set(id, text);
    if (this.lastSent.size > MAX_REMEMBERED) this.lastSent.delete(this.lastSent.keys().next().value!);
  }

  /** Sends every pending board now and stops the timers (used at shutdown). */
  async flushAll(): Promise<void> {
    const pending = [...this.states.entries()].filter(([, s]) => s.timer !== null || s.dirty);
    for (const [id, s] of pending) {
      s.timer?.cancel();
      await this.flush(id);
    }
    for (const s of this.states.values()) s.timer?.cancel();
    this.states.clear();
  }

  /**
   * Forgets the boards that are sent and idle: nothing scheduled, nothing being sent, no
   * refresh asked for, and the last send at least one interval ago. A pending board stays.
   * Returns how many were dropped.
   */
  sweep(): number {
    const now = this.timing.now();
    let dropped = 0;
    for (const [id, s] of this.states) {
      if (s.timer || s.sending || s.dirty || now - s.lastSentAt < this.intervalMs) continue;
      this.states.delete(id);
      dropped++;
    }
    return dropped;
  }
}
