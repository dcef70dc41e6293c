import { createDetector } from '../../../../../src/features/moderation/detection/create-detector';
import type { Lexicon } from '../../../../../src/features/moderation/detection/lexicon';
import { loadWordSegmenter, type WordSegmenter } from '../../../../../src/features/moderation/detection/load-word-segmenter';
import type { ModerationCategory } from '../../../../../src/features/moderation/detection/moderation-category';

function lexicon(words: Record<string, ModerationCategory[]>): Lexicon {
  return { entries: Object.entries(words).map(([word, categories]) => ({ word, categories })), allow: [] };
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

  it('without a segmenter, only a hit that is itself an everyday word is explained away', () => {
    expect(pinyinHits('有人遇到过吗', null)).toEqual(['人欲']);
  });
});
