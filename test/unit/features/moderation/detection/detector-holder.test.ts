import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DetectorHolder } from '../../../../../src/features/moderation/detection/detector-holder';

function wordList(words: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'holder-'));
  const file = path.join(dir, 'words.jsonl');
  writeFileSync(file, words.map((w) => JSON.stringify({ w, cats: ['色情'] })).join('\n'));
  return file;
}

describe('DetectorHolder', () => {
  it('swaps in a detector built from the changed word list on reload', async () => {
    const file = wordList(['榴莲']);
    const holder = await DetectorHolder.create({ lexiconPaths: [file] });
    expect(holder.scan('榴莲').flagged).toBe(true);
    expect(holder.scan('山竹').flagged).toBe(false);
    writeFileSync(file, JSON.stringify({ w: '山竹', cats: ['色情'] }));
    await holder.reload();
    expect(holder.scan('山竹').flagged).toBe(true);
    expect(holder.scan('榴莲').flagged).toBe(false);
  });

  it('keeps serving the old detector while a reload is being built and after one fails', async () => {
    const file = wordList(['榴莲']);
    const holder = await DetectorHolder.create({ lexiconPaths: [file] });
    const before = holder.detector;
    writeFileSync(file, '{"w": broken json');
    const reloading = holder.reload();
    expect(holder.detector).toBe(before);
    await expect(reloading).rejects.toThrow();
    expect(holder.detector).toBe(before);
    expect(holder.scan('榴莲').flagged).toBe(true);
  });

  it('reloads by itself when a watched word list changes', async () => {
    const file = wordList(['榴莲']);
    const holder = await DetectorHolder.create({ lexiconPaths: [file] });
    holder.watch(20);
    try {
      writeFileSync(file, JSON.stringify({ w: '菠萝', cats: ['色情'] }));
      const deadline = Date.now() + 10_000;
      while (!holder.scan('菠萝').flagged && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect(holder.scan('菠萝').flagged).toBe(true);
    } finally {
      holder.close();
    }
  });

  it('reloads from a periodic check when a word list was replaced by rename, and only then', async () => {
    const file = wordList(['榴莲']);
    const holder = await DetectorHolder.create({ lexiconPaths: [file] });
    const first = holder.detector;
    await expect(holder.reloadIfChanged()).resolves.toBe(false);
    expect(holder.detector).toBe(first);
    // How editors and mounted config maps replace a file: a new file renamed over the old one.
    writeFileSync(`${file}.new`, JSON.stringify({ w: '火龙果', cats: ['色情'] }));
    renameSync(`${file}.new`, file);
    await expect(holder.reloadIfChanged()).resolves.toBe(true);
    expect(holder.scan('火龙果').flagged).toBe(true);
    expect(holder.scan('榴莲').flagged).toBe(false);
    await expect(holder.reloadIfChanged()).resolves.toBe(false);
  });

  it('keeps the old detector when a changed word list is broken and retries only after the next change', async () => {
    const file = wordList(['榴莲']);
    const holder = await DetectorHolder.create({ lexiconPaths: [file] });
    writeFileSync(`${file}.new`, '{"w": broken json');
    renameSync(`${file}.new`, file);
    await expect(holder.reloadIfChanged()).rejects.toThrow();
    expect(holder.scan('榴莲').flagged).toBe(true);
    await expect(holder.reloadIfChanged()).resolves.toBe(false);
    writeFileSync(`${file}.new`, JSON.stringify({ w: '山竹', cats: ['色情'] }));
    renameSync(`${file}.new`, file);
    await expect(holder.reloadIfChanged()).resolves.toBe(true);
    expect(holder.scan('山竹').flagged).toBe(true);
  });
});
