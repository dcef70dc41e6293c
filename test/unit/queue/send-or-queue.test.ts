import pino from 'pino';
import type { ChatTarget, OutgoingMessage } from '../../../src/platform/chat-event';
import { SendError } from '../../../src/platform/send-error';
import { sendOrQueue, type OutboxPort } from '../../../src/queue/send-or-queue';

const target: ChatTarget = { kind: 'private', id: 'u1' };
const message: OutgoingMessage = { text: '我能帮你做这些' };
const log = pino({ level: 'silent' });

/** An outbox that records what it was given. */
function recordingOutbox() {
  const queued: { target: ChatTarget; message: OutgoingMessage; jobId: string; account?: string | undefined }[] = [];
  const outbox: OutboxPort = { enqueue: async (t, m, jobId, options) => void queued.push({ target: t, message: m, jobId, account: options?.account }) };
  return { outbox, queued };
}

describe('sendOrQueue (replies sent while an event is handled)', () => {
  it('sends once and queues nothing when the platform takes the message', async () => {
    const { outbox, queued } = recordingOutbox();
    let calls = 0;
    await sendOrQueue(async () => void calls++, outbox, log)(target, message);
    expect(calls).toBe(1);
    expect(queued).toEqual([]);
  });

  it('hands a message that failed in a retryable way to the outbox, after one attempt', async () => {
    const { outbox, queued } = recordingOutbox();
    let calls = 0;
    const busy = async () => {
      calls++;
      throw new SendError('DINGTALK_HTTP_RETRYABLE', '503', true);
    };
    await sendOrQueue(busy, outbox, log)(target, message);
    expect(calls).toBe(1);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ target, message });
  });

  it('queues the failed reply for the bot account that was sending it, so no other account sends it', async () => {
    const { outbox, queued } = recordingOutbox();
    const busy = async () => Promise.reject(new SendError('DINGTALK_HTTP_RETRYABLE', '503', true));
    await sendOrQueue(busy, outbox, log, 'dingtalk-dingabc123')(target, message);
    expect(queued).toEqual([expect.objectContaining({ target, message, account: 'dingtalk-dingabc123' })]);
  });

  it('throws a refusal without queueing it: retrying cannot succeed', async () => {
    const { outbox, queued } = recordingOutbox();
    const refused = new SendError('DINGTALK_HTTP_REJECTED', '400', false);
    await expect(sendOrQueue(async () => Promise.reject(refused), outbox, log)(target, message)).rejects.toBe(refused);
    expect(queued).toEqual([]);
  });

  it('throws errors that are not classified send errors (Wechaty) as they are', async () => {
    const { outbox, queued } = recordingOutbox();
    const plain = new Error('puppet not logged in');
    await expect(sendOrQueue(async () => Promise.reject(plain), outbox, log)(target, message)).rejects.toBe(plain);
    expect(queued).toEqual([]);
  });
});
