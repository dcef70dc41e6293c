import { createDetector } from '../../../../../src/features/moderation/detection/create-detector';
import type { Lexicon } from '../../../../../src/features/moderation/detection/lexicon';
import { loadWordSegmenter, type WordSegmenter } from '../../../../../src/features/moderation/detection/load-word-segmenter';
import type { ModerationCategory } from '../../../../../src/features/moderation/detection/moderation-category';

function lexicon(words: Record<string, ModerationCategory[]>): Lexicon {
  return { entries: Object.entries(words).map(([word, categories]) => ({ word, categories })), allow: [] };
}

/** A text as UTF-16 units, with room to spare after it. */
function unitsOf(text: string): Uint16Array {
  const units = new Uint16Array(text.length + 8).fill(0x4e00);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

const words = lexicon({ 人欲: ['色情'], 直销军衔: ['政治'], 狗娘养: ['色情'] });

/** Sound-alike (pinyin layer) hits of a detector over `words`, solicitation off. */
function pinyinHits(text: string, segmenter?: WordSegmenter | null): string[] {
  const detector = createDetector(words, { solicitation: false, segmenter });
  return detector
    .scan(text)
    .matches.filter((m) => m.layer === 'pinyin')
    .map((m) => m.word);
}

describe('loadWordSegmenter (jieba over the everyday dictionary)', () => {
  it('cuts a sentence into everyday words and gives the text back whole', () => {
    const words = loadWordSegmenter().cut('有人遇到过吗');
    expect(words).toEqual(['有人', '遇到', '过', '吗']);
    expect(words.join('')).toBe('有人遇到过吗');
  });

  it('leaves an unknown disguise in single characters instead of guessing a new word (no HMM)', () => {
    expect(loadWordSegmenter().cut('大兵砖销售')).toEqual(['大兵', '砖', '销售']);
  });

  it('is built once and shared', () => {
    expect(loadWordSegmenter()).toBe(loadWordSegmenter());
  });

  it('says a place splits only where no everyday word spans it', () => {
    const segmenter = loadWordSegmenter();
    const splitsAt = (text: string, at: number): boolean => (segmenter.splitsAt as NonNullable<WordSegmenter['splitsAt']>)(unitsOf(text), text.length, at);
    // 有人 spans 有|人, 人遇 is no word, 遇到 spans 遇|到, 到过 is no word, 过吗 neither.
    expect([1, 2, 3, 4, 5].map((at) => splitsAt('有人遇到过吗', at))).toEqual([false, true, false, true, true]);
    // The start and end of the text always split.
    expect(splitsAt('有人', 0)).toBe(true);
    expect(splitsAt('有人', 2)).toBe(true);
  });

  it('never claims a split where jieba joins two characters into one word', () => {
    const segmenter = loadWordSegmenter();
    const splitsAt = (text: string, at: number): boolean => (segmenter.splitsAt as NonNullable<WordSegmenter['splitsAt']>)(unitsOf(text), text.length, at);
    const texts = ['抖店新店没有流量有人遇到过吗', '会不会看构娘养分散精力', '大兵砖销售', '加购率直销俊衔', '乒乓球拍卖完了', '中华人民共和国成立了', '妈妈妈妈说要好好学习'];
    for (const text of texts) {
      const starts = new Set<number>();
      let at = 0;
      for (const w of segmenter.cut(text)) {
        starts.add(at);
        at += w.length;
      }
      for (let i = 1; i < text.length; i++) if (splitsAt(text, i)) expect({ text, at: i, wordStart: starts.has(i) }).toEqual({ text, at: i, wordStart: true });
    }
  });
});

describe('createDetector: sound-alike hits judged against the segmented sentence', () => {
  it('does not flag a sound-alike that straddles two words (人遇 in 有人/遇到 is not 人欲)', () => {
    expect(pinyinHits('抖店新店没有流量，有人遇到过吗')).toEqual([]);
  });

  it('still flags the same sound-alike written where a word goes', () => {
    expect(pinyinHits('人遇')).toEqual(['人欲']);
    expect(pinyinHits('找人遇，私我')).toEqual(['人欲']);
  });

  it('flags a disguise that starts a word even when an everyday word could be formed across its edge (率直 in 加购率直销俊衔)', () => {
    expect(pinyinHits('加购率直销俊衔从1.29%涨到5.47%')).toEqual(['直销军衔']);
  });

  it('flags a disguise that an everyday word could swallow but the segmentation does not (养分 in 构娘养分散)', () => {
    expect(pinyinHits('会不会看构娘养分散精力')).toEqual(['狗娘养']);
  });

  it('segments traditional characters as their simplified form', () => {
    expect(pinyinHits('抖店新店沒有流量，有人遇到過嗎')).toEqual([]);
  });

  it('judges the same with and without the split shortcut (cut() alone)', () => {
    const full = loadWordSegmenter();
    const cutOnly: WordSegmenter = { cut: (text) => full.cut(text) };
    for (const text of ['抖店新店没有流量，有人遇到过吗', '找人遇，私我', '加购率直销俊衔从1.29%涨到5.47%', '会不会看构娘养分散精力', '有人遇']) {
      expect(pinyinHits(text, cutOnly)).toEqual(pinyinHits(text, full));
    }
  });

  it('without a segmenter, only everyday words explain a hit away: the hit itself, or its swapped character with the next one', () => {
    // 遇 (swapped for 欲) forms 遇到 with the next character; 有人 only touches 人, written as in the word.
    expect(pinyinHits('有人遇到过吗', null)).toEqual([]);
    expect(pinyinHits('找人遇，私我', null)).toEqual(['人欲']);
  });
});
