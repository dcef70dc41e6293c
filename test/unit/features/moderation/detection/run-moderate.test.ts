import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { runModerate } from '../../../../../src/features/moderation/detection/run-moderate';

async function moderate(input: string, lexiconPaths?: string[]): Promise<{ lines: number; records: unknown[]; raw: string }> {
  let raw = '';
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => {
    raw += chunk.toString('utf8');
  });
  const { lines } = await runModerate({ input: Readable.from([input]), output, lexiconPaths });
  output.end();
  return { lines, records: raw.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as unknown), raw };
}

describe('runModerate (the moderate command)', () => {
  it('writes one JSON object per input line, in order, with exactly the contract keys', async () => {
    const { lines, records } = await moderate('今天作业交了吗\n冰毒多少钱\n法轮功好\n');
    expect(lines).toBe(3);
    expect(records).toEqual([
      { text: '今天作业交了吗', flagged: false, categories: [], matches: [], action: 'none' },
      { text: '冰毒多少钱', flagged: true, categories: ['毒品'], matches: [{ word: '冰毒', category: '毒品', start: 0, end: 2, tier: 'warn' }], action: 'warn' },
      { text: '法轮功好', flagged: true, categories: ['政治'], matches: [{ word: '法轮功', category: '政治', start: 0, end: 3, tier: 'escalate' }], action: 'escalate' },
    ]);
    for (const r of records) expect(Object.keys(r as object)).toEqual(['text', 'flagged', 'categories', 'matches', 'action']);
  });

  it('gives offsets into the original line for disguised words', async () => {
    const { records } = await moderate('加 微 信领资料\n');
    expect(records[0]).toMatchObject({ flagged: true, matches: [{ word: '加微信', category: '广告', start: 0, end: 5 }], action: 'warn' });
  });

  it('handles CRLF line ends, blank lines and a last line without a newline', async () => {
    const { lines, raw } = await moderate('好的\r\n\r\n赌博');
    expect(lines).toBe(3);
    expect(raw.split('\n').map((l) => (l === '' ? l : (JSON.parse(l) as { text: string }).text))).toEqual(['好的', '', '赌博', '']);
  });

  it('uses the word lists it is given instead of the starter list', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'moderate-'));
    const list = path.join(dir, 'words.jsonl');
    writeFileSync(list, '{"w":"榴莲","cats":["色情"]}\n');
    const { records } = await moderate('榴莲\n冰毒\n', [list]);
    expect(records.map((r) => (r as { flagged: boolean }).flagged)).toEqual([true, false]);
  });

  it('reports a hit of an uncategorised word at the review tier, for staff only', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'moderate-'));
    const list = path.join(dir, 'words.jsonl');
    writeFileSync(list, '{"w":"哈宝","cats":["未分类"]}\n{"w":"冰毒","cats":["毒品"]}\n');
    const { records } = await moderate('哈宝\n冰毒哈宝\n', [list]);
    expect(records).toEqual([
      { text: '哈宝', flagged: false, categories: [], matches: [{ word: '哈宝', category: '未分类', start: 0, end: 2, tier: 'review' }], action: 'review' },
      {
        text: '冰毒哈宝',
        flagged: true,
        categories: ['毒品'],
        matches: [
          { word: '冰毒', category: '毒品', start: 0, end: 2, tier: 'warn' },
          { word: '哈宝', category: '未分类', start: 2, end: 4, tier: 'review' },
        ],
        action: 'warn',
      },
    ]);
  });

  it('waits for a slow output to drain and keeps every line in order', async () => {
    const written: string[] = [];
    const output = new Writable({
      highWaterMark: 64,
      write(chunk: Buffer, _encoding, callback) {
        written.push(chunk.toString('utf8'));
        setImmediate(callback);
      },
    });
    const input = Array.from({ length: 500 }, (_, i) => `第${i}行 加微信`).join('\n');
    const { lines } = await runModerate({ input: Readable.from([input]), output });
    expect(lines).toBe(500);
    const texts = written.join('').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
    expect(texts).toEqual(Array.from({ length: 500 }, (_, i) => `第${i}行 加微信`));
  });
});
