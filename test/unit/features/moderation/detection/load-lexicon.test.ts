import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadLexicon } from '../../../../../src/features/moderation/detection/load-lexicon';

describe('loadLexicon', () => {
  it('loads the project starter list and allow-list when no paths are given', async () => {
    const lex = await loadLexicon();
    const words = new Map(lex.entries.map((e) => [e.word, e.categories]));
    expect(words.get('加微信')).toEqual(['广告']);
    expect(words.get('法轮功')).toEqual(['政治']);
    for (const c of ['政治', '色情', '赌博', '毒品', '暴恐', '辱骂', '广告']) {
      expect(lex.entries.filter((e) => e.categories.includes(c as never)).length).toBeGreaterThanOrEqual(15);
    }
    expect(lex.allow).toEqual(expect.arrayContaining(['打底裤', '蛋白粉', '淘宝', '客服']));
  });

  it('merges files of both formats, keeping real categories over 未分类', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lexicon-'));
    const jsonl = path.join(dir, 'a.jsonl');
    const plain = path.join(dir, 'words.txt');
    const allow = path.join(dir, 'extra-allow.txt');
    writeFileSync(jsonl, '{"w":"毒品","cats":["毒品"]}\n{"w":"某词","cats":["政治"]}\n');
    writeFileSync(plain, '毒品\n新词\n');
    writeFileSync(allow, '某词组\n');
    const lex = await loadLexicon([jsonl, plain], { allowPaths: [allow] });
    expect(lex.entries).toEqual(
      expect.arrayContaining([
        { word: '毒品', categories: ['毒品'] },
        { word: '某词', categories: ['政治'] },
        { word: '新词', categories: ['未分类'] },
      ]),
    );
    expect(lex.entries).toHaveLength(3);
    expect(lex.allow).toContain('某词组');
    expect(lex.allow).toContain('打底裤');
  });

  it('fails on a missing file', async () => {
    await expect(loadLexicon(['/nonexistent/lexicon.txt'])).rejects.toThrow(/ENOENT/);
  });
});
