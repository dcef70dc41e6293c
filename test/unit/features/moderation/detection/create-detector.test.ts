import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../../../support/paths';
import { createDetector } from '../../../../../src/features/moderation/detection/create-detector';
import type { Detector, ScanMatch } from '../../../../../src/features/moderation/detection/detector';
import type { Lexicon } from '../../../../../src/features/moderation/detection/lexicon';
import type { ModerationCategory } from '../../../../../src/features/moderation/detection/moderation-category';
import { parseWordList } from '../../../../../src/features/moderation/detection/parse-word-list';

const allowFile = path.join(REPO_ROOT, 'data/moderation/allow.txt');
const projectAllow = parseWordList(readFileSync(allowFile, 'utf8'), allowFile).map((e) => e.word);

function lexicon(words: Record<string, ModerationCategory[]>, allow: string[] = projectAllow): Lexicon {
  return { entries: Object.entries(words).map(([word, categories]) => ({ word, categories })), allow };
}

const words: Record<string, ModerationCategory[]> = {
  毒品: ['毒品'],
  赌博: ['赌博'],
  法轮功: ['政治'],
  a片: ['色情'],
  视讯妹妹: ['色情'],
  娱乐城: ['赌博'],
  性无能: ['辱骂'],
  傻子: ['辱骂'],
  北京: ['政治'],
  加微信: ['广告'],
  代开发票: ['违法犯罪'],
  哈宝: ['未分类'],
  // Known false alarms of public lists (corpus README): ordinary shop words.
  淘宝: ['广告'],
  客服: ['广告'],
  分析: ['政治'],
  看下: ['色情'],
  妈妈: ['色情'],
  底裤: ['未分类'],
  白粉: ['暴恐', '毒品'],
  情报: ['色情'],
  内衣: ['未分类'],
  丝袜: ['色情'],
};

let detector: Detector;
beforeAll(() => {
  detector = createDetector(lexicon(words), { solicitation: false });
});

function hits(text: string): Array<Pick<ScanMatch, 'word' | 'start' | 'end' | 'layer'>> {
  return detector.scan(text).matches.map(({ word, start, end, layer }) => ({ word, start, end, layer }));
}

describe('createDetector: exact and normalised layers', () => {
  it('reports an exact hit with its category and UTF-16 span', () => {
    const r = detector.scan('有人卖毒品吗');
    expect(r).toEqual({ flagged: true, categories: ['毒品'], matches: [{ word: '毒品', category: '毒品', start: 3, end: 5, layer: 'exact', tier: 'public' }] });
  });

  it('returns an unflagged result for clean text', () => {
    expect(detector.scan('今晚8点直播间讲主图优化')).toEqual({ flagged: false, categories: [], matches: [] });
  });

  it('sees through full-width letters and mixed case', () => {
    expect(hits('看ａ片')).toEqual([{ word: 'a片', start: 1, end: 3, layer: 'normalised' }]);
    expect(hits('看A片')).toEqual([{ word: 'a片', start: 1, end: 3, layer: 'normalised' }]);
  });

  it('sees through inserted symbols, spaces and emoji, spanning them in the original text', () => {
    expect(hits('毒*品')).toEqual([{ word: '毒品', start: 0, end: 3, layer: 'normalised' }]);
    expect(hits('毒 品')).toEqual([{ word: '毒品', start: 0, end: 3, layer: 'normalised' }]);
    expect(hits('毒🌸品')).toEqual([{ word: '毒品', start: 0, end: 4, layer: 'normalised' }]);
    expect(hits('法\u200b轮\ufe0f功')).toEqual([{ word: '法轮功', start: 0, end: 5, layer: 'normalised' }]);
  });

  it('sees through traditional characters', () => {
    expect(hits('賭博')).toEqual([{ word: '赌博', start: 0, end: 2, layer: 'normalised' }]);
  });

  it('sees through repeated characters', () => {
    expect(hits('赌赌赌博')).toEqual([{ word: '赌博', start: 0, end: 4, layer: 'normalised' }]);
  });

  it('keeps the doubled character of a word that has one', () => {
    expect(hits('视讯妹')).toEqual([]);
    expect(hits('视讯妹妹妹')).toEqual([{ word: '视讯妹妹', start: 0, end: 5, layer: 'normalised' }]);
  });

  it('does not match a latin word inside a longer latin word', () => {
    const d = createDetector(lexicon({ sb: ['辱骂'] }), { solicitation: false, pinyin: false });
    expect(d.scan('插上usb线').flagged).toBe(false);
    expect(d.scan('你个SB').flagged).toBe(true);
  });

  it('reports 违法犯罪/未分类 words from two characters on at the review tier, without flagging', () => {
    expect(detector.scan('可以代开发票')).toEqual({
      flagged: false,
      categories: [],
      matches: [{ word: '代开发票', category: '违法犯罪', start: 2, end: 6, layer: 'exact', tier: 'review', reason: 'broad category (违法犯罪)' }],
    });
    expect(detector.scan('哈宝')).toEqual({
      flagged: false,
      categories: [],
      matches: [{ word: '哈宝', category: '未分类', start: 0, end: 2, layer: 'exact', tier: 'review', reason: 'uncategorised word' }],
    });
    expect(createDetector(lexicon(words), { solicitation: false, broadMinLength: 0 }).scan('哈宝').matches).toEqual([]);
  });
});

describe('createDetector: pinyin layer', () => {
  it('catches a sound-alike character next to one written as in the word', () => {
    expect(hits('有人卖独品吗')).toEqual([{ word: '毒品', start: 3, end: 5, layer: 'pinyin' }]);
    expect(hits('卖毒拼')).toEqual([{ word: '毒品', start: 1, end: 3, layer: 'pinyin' }]);
  });

  it('needs one character as written for a two-character word (all-sound-alike pairs are too common)', () => {
    expect(hits('卖读拼')).toEqual([]);
  });

  it('catches typed pinyin, partial or whole', () => {
    expect(hits('du品')).toEqual([{ word: '毒品', start: 0, end: 3, layer: 'pinyin' }]);
    expect(hits('看dupin吗')).toEqual([{ word: '毒品', start: 1, end: 6, layer: 'pinyin' }]);
    expect(hits('xing无能')).toEqual([{ word: '性无能', start: 0, end: 6, layer: 'pinyin' }]);
  });

  it('catches all-sound-alike spellings of words of three or more characters', () => {
    expect(hits('鱼乐成')).toEqual([{ word: '娱乐城', start: 0, end: 3, layer: 'pinyin' }]);
  });

  it('uses the contextual reading of a word (娱乐 is yule)', () => {
    expect(hits('yulecheng')).toEqual([{ word: '娱乐城', start: 0, end: 9, layer: 'pinyin' }]);
  });

  it('does not flag everyday words that only sound like a banned word', () => {
    expect(hits('换个背景图')).toEqual([]);
    expect(hits('沙子')).toEqual([]);
  });

  it('does not flag a sound-alike pair cut by an everyday word (有人知道 is not 人质)', () => {
    const d = createDetector(lexicon({ 人质: ['政治'] }), { solicitation: false });
    expect(d.scan('有人知道报名入口吗').flagged).toBe(false);
    expect(d.scan('人致').flagged).toBe(true);
  });

  it('does not let a sound-alike hit span a clause break', () => {
    const d = createDetector(lexicon({ 聊视频: ['色情'] }), { solicitation: false });
    expect(d.scan('太多了，视频号').flagged).toBe(false);
  });

  it('does not match pinyin inside an English word', () => {
    expect(hits('shopping')).toEqual([]);
  });

  it('can be turned off', () => {
    const d = createDetector(lexicon(words), { solicitation: false, pinyin: false });
    expect(d.scan('du品').flagged).toBe(false);
  });
});

describe('createDetector: allow-list (known false alarms of public word lists)', () => {
  it.each([
    '淘宝店铺今天出了20单',
    '客服说已经发货了',
    '帮我分析一下数据',
    '老师帮我看下主图',
    '宝妈妈妈们都在做',
    '打底裤到底要不要做低价引流款',
    '蛋白粉的链接发我',
    '多多情报通怎么用',
    '内衣类目要报白吗',
    '丝袜类目好做吗',
  ])('does not flag "%s"', (text) => {
    expect(detector.scan(text)).toEqual({ flagged: false, categories: [], matches: [] });
  });

  it('still flags the banned word outside the ordinary word that contains it', () => {
    expect(hits('卖白粉')).toEqual([{ word: '白粉', start: 1, end: 3, layer: 'exact' }]);
    expect(hits('泄露情报')).toEqual([{ word: '情报', start: 2, end: 4, layer: 'exact' }]);
  });

  it('drops a hit cut by an allowed word (底裤 inside 打底裤) but not one merely next to it', () => {
    expect(hits('打底裤')).toEqual([]);
    expect(hits('淘宝毒品')).toEqual([{ word: '毒品', start: 2, end: 4, layer: 'exact' }]);
  });

  it('fires on every known false alarm without the allow-list', () => {
    const bare = createDetector(lexicon(words, []), { solicitation: false });
    for (const w of ['淘宝', '客服', '分析', '看下', '妈妈', '白粉', '情报', '丝袜']) expect(bare.scan(w).flagged).toBe(true);
  });
});

describe('createDetector: solicitation', () => {
  it('reports phone numbers, contact ids and links as 广告', () => {
    const d = createDetector(lexicon(words));
    const r = d.scan('加V：abc12345 电话138-0013-8000 看 www.example.top');
    expect(r.categories).toEqual(['广告']);
    expect(r.matches.map((m) => m.word)).toEqual(['contact-id', 'phone-number', 'link']);
  });

  it('does not fire on ordinary mentions of platforms', () => {
    const d = createDetector(lexicon(words));
    expect(d.scan('抖音、拼多多、快手和淘宝哪个好做').flagged).toBe(false);
  });
});

describe('createDetector: categories', () => {
  it('reports each category once, banned categories first', () => {
    const r = detector.scan('卖毒品还赌博，法轮功');
    expect(r.categories).toEqual(['毒品', '赌博', '政治']);
  });

  it('gives a word listed in several categories its first banned one', () => {
    expect(detector.scan('卖白粉').categories).toEqual(['暴恐']);
  });
});
