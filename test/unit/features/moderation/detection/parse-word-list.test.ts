import { parseWordList } from '../../../../../src/features/moderation/detection/parse-word-list';

describe('parseWordList', () => {
  it('reads JSON lines with categories', () => {
    const text = '{"w":"毒品","cats":["毒品","违法犯罪"],"src":["x"]}\n{"w":"某词","cats":[]}\n';
    expect(parseWordList(text, 'lexicon.jsonl')).toEqual([
      { word: '毒品', categories: ['毒品', '违法犯罪'] },
      { word: '某词', categories: ['未分类'] },
    ]);
  });

  it('reads one word per line, skipping blanks and comments', () => {
    expect(parseWordList('# comment\n加微信\n\n 刷单 \r\n', 'words.txt')).toEqual([
      { word: '加微信', categories: ['未分类'] },
      { word: '刷单', categories: ['未分类'] },
    ]);
  });

  it('takes the category of a plain list from its file name', () => {
    expect(parseWordList('刷单\n', '/x/ads-solicitation.txt')[0]?.categories).toEqual(['广告']);
    expect(parseWordList('词\n', '/x/by-category/色情.txt')[0]?.categories).toEqual(['色情']);
  });

  it('maps source category names to product categories', () => {
    expect(parseWordList('{"w":"a","cats":["涉枪涉爆","反动词库"]}', 'x.jsonl')[0]?.categories).toEqual(['暴恐', '政治']);
  });
});
