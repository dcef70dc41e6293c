import type { Job } from 'bullmq';
import type { ChatTarget, OutgoingFile, OutgoingMessage } from '../../../src/platform/chat-event';
import { createOutboxProcessor, DEFAULT_TARGET_RATE } from '../../../src/queue/outbox';

const data = Buffer.from('PK\u0003\u0004 workbook');
const item = { target: { kind: 'private', id: 'u-staff' }, text: '本平台机器人不能发送文件', file: { name: '网店班-档案-20270301.xlsx', data: data.toString('base64') } };
const job = { id: 'job-file', data: item } as unknown as Job;

/** The outbox processor with an always-open budget, recording what it sends. */
function processor(withFiles: boolean) {
  const texts: Array<[ChatTarget, OutgoingMessage]> = [];
  const files: Array<[ChatTarget, OutgoingFile]> = [];
  const run = createOutboxProcessor({
    send: async (target, message) => void texts.push([target, message]),
    ...(withFiles ? { sendFile: async (target: ChatTarget, file: OutgoingFile) => void files.push([target, file]) } : {}),
    limiter: { takeAll: async () => ({ allowed: true, retryInMs: 0 }) },
    perTarget: DEFAULT_TARGET_RATE,
    perAccount: null,
    accountKey: 'account',
  });
  return { run, texts, files };
}

describe('outbox processor: queued files', () => {
  it('sends a queued file itself through the platform’s sendFile, byte for byte', async () => {
    const p = processor(true);
    await p.run(job);
    expect(p.files).toEqual([[item.target, { name: item.file.name, data }]]);
    expect(p.texts).toEqual([]);
  });

  it('sends the item’s text instead where the platform cannot send files', async () => {
    const p = processor(false);
    await p.run(job);
    expect(p.texts).toEqual([[item.target, { text: item.text }]]);
  });
});
