import type { ChatEvent } from '../platform/chat-event';

/** A queued task; `start` runs it and calls `done` just before settling the caller's promise. */
interface QueuedTask {
  start(done: () => void): void;
}

/** The tasks of one key still to finish; the first one is running or waiting for a slot. */
interface Lane {
  key: string;
  tasks: QueuedTask[];
}

/**
 * Runs tasks one at a time per key, in the order they were handed in, and tasks of different
 * keys concurrently, at most `limit` at once. A key whose next task waits for its predecessor
 * takes no slot (only a key's first task ever competes for one), so a slow conversation never
 * holds up the others; slots go to waiting keys first come, first served. A failing task
 * rejects its own promise and the key's next task runs as usual. A key with nothing left is
 * forgotten, so the map holds only the keys with work in hand.
 */
export class ConversationQueue {
  private readonly lanes = new Map<string, Lane>();
  /** Keys whose first task is waiting for a slot, in the order they became ready. */
  private readonly ready: Lane[] = [];
  private running = 0;
  /** When each running lane's task started (ms since the epoch). */
  private readonly startedAt = new Map<Lane, number>();

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }

  /** Queues `task` behind the earlier tasks of `key`; settles as the task does. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve) => {
      const queued: QueuedTask = {
        start: (done) => {
          // The async wrapper turns a synchronous throw into a rejection like any other.
          const result = (async () => task())();
          // Registered before the caller's promise adopts `result`: the caller sees the key
          // forgotten and the slot free.
          void result.then(done, done);
          resolve(result);
        },
      };
      const lane = this.lanes.get(key);
      if (lane) {
        lane.tasks.push(queued);
        return;
      }
      const fresh: Lane = { key, tasks: [queued] };
      this.lanes.set(key, fresh);
      this.ready.push(fresh);
      this.pump();
    });
  }

  /** Keys with a task running or waiting (0 once everything has finished). */
  get pendingKeys(): number {
    return this.lanes.size;
  }

  /** Tasks running right now (never more than `limit`). */
  get active(): number {
    return this.running;
  }

  /**
   * How long the longest-running task has been running, in ms (null when none runs): a task
   * that never settles holds its slot and its conversation for good, so a watchdog reads this.
   */
  oldestRunningMs(now: number = Date.now()): number | null {
    let oldest: number | null = null;
    for (const at of this.startedAt.values()) if (oldest === null || at < oldest) oldest = at;
    return oldest === null ? null : now - oldest;
  }

  private pump(): void {
    while (this.running < this.limit) {
      const lane = this.ready.shift();
      if (!lane) return;
      this.start(lane);
    }
  }

  private start(lane: Lane): void {
    this.running++;
    this.startedAt.set(lane, Date.now());
    lane.tasks[0]!.start(() => this.finish(lane));
  }

  private finish(lane: Lane): void {
    this.running--;
    this.startedAt.delete(lane);
    lane.tasks.shift();
    if (lane.tasks.length > 0) this.ready.push(lane);
    else this.lanes.delete(lane.key);
    this.pump();
  }
}

/**
 * The key that orders a chat event: one conversation is one sender in one chat on one platform.
 * One person's messages must be handled in the order they were sent (交作业, then the image that
 * joins it; 请假, then its correction), but people in the same group need no order between them:
 * keying by the whole group would queue a class's 50 simultaneous 签到 behind each other and
 * make the last trainee wait for 49 round trips, while keying by sender lets them run side by
 * side up to the global limit.
 */
export function conversationKey(event: ChatEvent): string {
  return `${event.platform}:${event.conversation.kind}:${event.conversation.id}:${event.sender.id}`;
}
