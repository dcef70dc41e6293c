import type { Job } from 'bullmq';
import type { ChatTarget, OutgoingFile, OutgoingMessage } from '../../../src/platform/chat-event';
import { createOutboxProcessor, DEFAULT_TARGET_RATE } from '../../../src/queue/outbox';

const png = Buffer.from('\u0089PNG card');
const item = {
  target: { kind: 'private', id: 'u-staff' },
  text: '⚠️ 需处理：缺勤 8 人',
  image: { name: '日报-JC2703-2027-03-03.png', data: png.toString('base64') },
};

/** A job that records what the processor writes back to its data. */
function jobOf(data: Record<string, unknown>) {
  const job = { id: 'job-image', data, updateData: async (d: Record<string, unknown>) => void (job.data = d) };
  return job;
}

function processor(withFiles: boolean, failCaptionOnce = false) {
  const texts: Array<[ChatTarget, OutgoingMessage]> = [];
  const files: Array<[ChatTarget, OutgoingFile]> = [];
  let failed = !failCaptionOnce;
  const run = createOutboxProcessor({
    send: async (target, message) => {
      if (!failed) {
        failed = true;
        throw new Error('timeout');
      }
      texts.push([target, message]);
    },
    ...(withFiles ? { sendFile: async (target: ChatTarget, file: OutgoingFile) => void files.push([target, file]) } : {}),
    limiter: { takeAll: async () => ({ allowed: true, retryInMs: 0 }) },
    perTarget: DEFAULT_TARGET_RATE,
    perAccount: null,
    accountKey: 'account',
  });
  return { run, texts, files };
}

describe('outbox processor: queued pictures', () => {
  it('sends the picture, byte for byte, then the text where the platform sends files', async () => {
    const p = processor(true);
    await p.run(jobOf(item) as unknown as Job);
    expect(p.files).toHaveLength(1);
    expect(p.files[0]![1].data.equals(png)).toBe(true);
    expect(p.files[0]![1].name).toBe('日报-JC2703-2027-03-03.png');
    expect(p.texts.map(([, m]) => m.text)).toEqual(['⚠️ 需处理：缺勤 8 人']);
  });

  it('sends the text alone where the platform cannot send files', async () => {
    const p = processor(false);
    await p.run(jobOf(item) as unknown as Job);
    expect(p.files).toHaveLength(0);
    expect(p.texts.map(([, m]) => m.text)).toEqual(['⚠️ 需处理：缺勤 8 人']);
  });

  it('does not send the picture again when only the text failed', async () => {
    const p = processor(true, true);
    const job = jobOf(item);
    await expect(p.run(job as unknown as Job)).rejects.toThrow('timeout');
    await p.run(job as unknown as Job);
    expect(p.files).toHaveLength(1);
    expect(p.texts.map(([, m]) => m.text)).toEqual(['⚠️ 需处理：缺勤 8 人']);
  });
});
