import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { ChatTarget, OutgoingMessage } from '../../../src/platform/chat-event';
import { DingtalkApiError } from '../../../src/platform/dingtalk/dingtalk-api';
import { SendError } from '../../../src/platform/send-error';
import { createOutboxProcessor, DEFAULT_TARGET_RATE, EXPIRY_GRACE_MS, PARKED_RECHECK_MS, type OutboxProcessorDeps } from '../../../src/queue/outbox';
import { AdjustableClock, ScaledClock } from '../../../src/kernel/clock';

const item = { target: { kind: 'group', id: 'room-1' }, text: '今晚 8 点直播', mentions: [{ id: 'u1', name: '张三' }] };

/** A job as the processor reads it: only its data (the budget always allows, so nothing else is touched). */
const job = { id: 'job-1', data: item } as unknown as Job;

/** The outbox processor with an always-open budget and `send` as the adapter (and any other deps given). */
function processorWith(send: (target: ChatTarget, message: OutgoingMessage) => Promise<void>, more: Partial<OutboxProcessorDeps> = {}) {
  return createOutboxProcessor({
    send,
    limiter: { takeAll: async () => ({ allowed: true, retryInMs: 0 }) },
    perTarget: DEFAULT_TARGET_RATE,
    perAccount: null,
    accountKey: 'account',
    ...more,
  });
}

/** The rejection of `promise`, which must reject. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => err,
  );
}

describe('outbox processor: the queue decides what a failed send means', () => {
  it('sends the queued message once, as queued', async () => {
    const sent: Array<[ChatTarget, OutgoingMessage]> = [];
    await processorWith(async (target, message) => void sent.push([target, message]))(job);
    expect(sent).toEqual([[item.target, { text: item.text, mentions: item.mentions }]]);
  });

  it('fails the job for good (UnrecoverableError) when the platform refused the send', async () => {
    const refused = new DingtalkApiError('DINGTALK_HTTP_REJECTED', 'DingTalk call failed (HTTP 400)', 400);
    const err = await rejectionOf(processorWith(async () => Promise.reject(refused))(job));
    expect(err).toBeInstanceOf(UnrecoverableError);
    expect((err as Error).message).toContain('DINGTALK_HTTP_REJECTED');
  });

  it('leaves a retryable send error (503) as an ordinary failure, so BullMQ retries it with backoff', async () => {
    const busy = new DingtalkApiError('DINGTALK_HTTP_RETRYABLE', 'DingTalk call failed (HTTP 503)', 503);
    const err = await rejectionOf(processorWith(async () => Promise.reject(busy))(job));
    expect(err).toBe(busy);
    expect(err).not.toBeInstanceOf(UnrecoverableError);
  });

  it('treats any adapter SendError the same way, whatever the platform', async () => {
    const refused = new SendError('TARGET_GONE', 'the group no longer exists', false);
    expect(await rejectionOf(processorWith(async () => Promise.reject(refused))(job))).toBeInstanceOf(UnrecoverableError);
  });

  it("keeps an untyped adapter error (Wechaty's) an ordinary, retried failure, as before", async () => {
    const plain = new Error('room room-1 not found');
    expect(await rejectionOf(processorWith(async () => Promise.reject(plain))(job))).toBe(plain);
  });
});

describe('outbox processor: a platform outage parks messages, an expired message is not sent', () => {
  /** A job that records where it was moved (BullMQ's manual delay, which spends no attempt). */
  function parkableJob(data: unknown): { job: Job; delayedUntil: number[] } {
    const delayedUntil: number[] = [];
    const job = { id: 'job-2', data, moveToDelayed: async (at: number) => void delayedUntil.push(at) } as unknown as Job;
    return { job, delayedUntil };
  }

  it('while the session is down, moves the message back to wait (DelayedError) without sending it', async () => {
    let online = false;
    const sent: string[] = [];
    const processor = processorWith(async (_t, m) => void sent.push(m.text), { online: () => online });
    const { job, delayedUntil } = parkableJob(item);
    expect(await rejectionOf(processor(job, 'token'))).toBeInstanceOf(DelayedError);
    expect(delayedUntil[0]).toBeGreaterThanOrEqual(Date.now() + PARKED_RECHECK_MS - 1_000);
    expect(sent).toEqual([]);
    online = true;
    expect(await processor(job, 'token')).toBe('sent');
    expect(sent).toEqual([item.text]);
  });

  it('a send that fails because the session went down meanwhile is parked, not counted as a failed attempt', async () => {
    let online = true;
    const dropsMidSend = async () => {
      online = false;
      throw new Error('not logged in');
    };
    const processor = processorWith(dropsMidSend, { online: () => online });
    const { job, delayedUntil } = parkableJob(item);
    expect(await rejectionOf(processor(job, 'token'))).toBeInstanceOf(DelayedError);
    expect(delayedUntil).toHaveLength(1);
  });

  it('a message more than the grace past its expiry (real time, on the bot clock) is not sent, and the owner is told once', async () => {
    const expired: string[] = [];
    const sent: string[] = [];
    const classBegins = new Date('2027-03-01T01:00:00Z');
    const clock = new AdjustableClock(new Date(classBegins.getTime() + EXPIRY_GRACE_MS + 1_000));
    const processor = processorWith(async (_t, m) => void sent.push(m.text), { clock, onExpired: (i) => void expired.push(i.expiry!.what) });
    const late = { ...item, text: '⏰ 5 分钟后上课', expiry: { at: classBegins.toISOString(), what: '上课前 5 分钟提醒' } };
    expect(await processor(parkableJob(late).job, 'token')).toBe('expired');
    expect(sent).toEqual([]);
    expect(expired).toEqual(['上课前 5 分钟提醒']);
    // Within the grace, or before its expiry, the same message goes out.
    clock.set(new Date(classBegins.getTime() + 10_000));
    expect(await processor(parkableJob(late).job, 'token')).toBe('sent');
    clock.set(new Date(classBegins.getTime() - 60_000));
    expect(await processor(parkableJob(late).job, 'token')).toBe('sent');
    expect(sent).toEqual(['⏰ 5 分钟后上课', '⏰ 5 分钟后上课']);
    expect(expired).toHaveLength(1);
  });

  it('on a fast simulated clock the grace is real time: a reminder a moment late still goes out', async () => {
    const sent: string[] = [];
    const classBegins = new Date('2027-03-01T01:00:00Z');
    // 7,200×: ten simulated minutes after the start is 83 real milliseconds.
    const clock = new ScaledClock(new Date(classBegins.getTime() + 10 * 60_000), Date.now(), 7200);
    const processor = processorWith(async (_t, m) => void sent.push(m.text), { clock });
    const late = { ...item, text: '⏰ 5 分钟后上课', expiry: { at: classBegins.toISOString(), what: '上课前 5 分钟提醒' } };
    expect(await processor(parkableJob(late).job, 'token')).toBe('sent');
  });
});
