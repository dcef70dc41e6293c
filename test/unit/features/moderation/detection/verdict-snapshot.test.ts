import path from 'node:path';
import { SHARED_DIR } from '../../../../support/paths';
import { createDetector } from '../../../../../src/features/moderation/detection/create-detector';
import type { Detector } from '../../../../../src/features/moderation/detection/detector';
import { loadLexicon } from '../../../../../src/features/moderation/detection/load-lexicon';
import { snapshotTexts, verdictDigest, verdictLine } from './verdict-snapshot';

// The detector's complete output on the shared corpus (every line, pairs of lines run together,
// a cut-off tail of each line: 16 080 texts), full shared lexicon, every rule layer on as the bot
// runs it. Pinned from the matcher before its typed-array rewrite: a speed-up must not change a
// single verdict, category, span, layer, tier or reason. Re-pinned when lone everyday
// 违法犯罪/未分类 words stopped reaching staff, sound-alikes leaning on the next word were
// explained away and two-character hits inside one longer word were dropped: 81 review-tier
// matches fewer (25 627 before), the same 9 632 flagged texts; and again when shop words
// (涨粉, 翻倍, 先到先得, 一条龙, 全套 …) became lures only with an offer: 224 slang matches fewer,
// all in texts flagged by other hits, the same 9 632 flagged texts; and again when network
// and telecom words (网络, 中国移动 …) joined the domain allow-list: 91 hits of 网络 fewer, all in
// texts flagged by other hits (网络赌博 …), the same 9 632 flagged texts; and again when a
// grammatical particle ending a sound-alike stopped counting as written in the word (码的 is no
// 妈的, 师了 no 湿了): 29 hits and 3 flagged texts fewer, all of them corpus fragments, the same
// recall on the corpus's dirty lines; and again for the third holdout's classes: Han sound-alikes
// of allowed words (过家 for 国家, 冰♂分 for 冰粉), 色情 words after a farm animal, two-character
// hits made of two words' halves (出卖 in 突出/卖点), stock and hiring words: 5 more flagged texts
// fewer (two dirty lines of the 3 360: recall 99.14 → 99.08 %); and again when 纯度 became a
// guess only as 纯度高 / 高纯度 (one review span now covers 高纯度, the same counts); and again for
// the sixth holdout's classes: uncategorised words cut by segmentation, 转让 and 开房 allowed,
// three-character sound-alikes holding an everyday word (天助教 is no 天主教: one clean host line
// less flagged), 97 matches fewer, the same recall on the dirty lines; and again for the
// thirteenth holdout's lure 有需要的加我 / 私聊 (review): 25 review matches more, all in texts
// already flagged publicly by the contact they name, the same 9 623 flagged texts; and again when
// 麻醉 and 送货上门 joined the allow-list (the eighteenth holdout's vets and deliveries): 26
// uncategorised review matches fewer, all inside public hits (供应麻醉箭, k粉送货上门), the same
// 9 623 flagged texts; and again when 日本的 joined it (the nineteenth holdout's Japanese
// buyers): 4 matches of 日本 fewer, each inside 日本的命根, the same 9 623 flagged texts; and
// again when 要 ending a two-character sound-alike before more Han became grammar (上网卖要注意 is
// no 卖药, the twenty-second holdout): 8 matches fewer, 7 of them inside longer hits (火要配方 is
// still 火药配方), and one flagged text fewer: a dirty line ending in 媚要, run together with the
// next line (…怎么办媚要多多情报通…); the line alone is still caught, the same recall on the dirty lines;
// and again when 我这 / 我这个 right before a word became the sender naming themselves (the
// twenty-fourth holdout's 我这猪脑子): 3 uncategorised review matches of 大6 fewer, each inside the
// public hit 大6娱乐黄站 (我这个大６娱乐黄站…), the same 9 622 flagged texts; and again when a
// pronoun then a verb swapped in with a particle after it became a subject and its verb (the
// twenty-seventh holdout's 我剪的视频): 3 matches of 他妈 fewer, each inside 他妈的 (开播前他马得！),
// the same 9 622 flagged texts; and again when 主席 and 出台 became review words (data/moderation/
// review-words.txt, the thirty-first and thirty-second holdouts' 合作社王主席, 蜂王出台, 国庆放七天,
// a trip to 天安门 and 毛主席像): in 31 texts their matches inside 毛主席复活, 国家主席, 天安门事件 and
// next to 台独 became review matches or, as sound-alikes, went (review words act exactly only),
// 13 matches fewer; 3 flagged texts fewer, all the one dirty line whose only hit is 国庆 written as
// 国请 (说说国请) and the two texts that repeat it: public recall on the dirty lines 99.08 → 99.05 %;
// and again when a listed word read across clause punctuation stopped counting (the fifty-first
// holdout's 肉干，我表哥 is no 干我): 14 matches fewer, each across a comma or a ！ (第13天！皇冠 is no
// 天皇, 没出，台独 no 出台), the same 9 619 flagged texts; and again when 日结 became a review
// word (the fifty-second holdout's day wage for picking cotton): in 29 texts a public 日结 became a
// review match or, as a sound-alike (日截), went, 8 matches fewer; all 29 are flagged by other hits
// (日结兼职 …), the same 9 619 flagged texts; and again when typed pinyin stopped splitting into
// vowel-less interjections (the fifty-third holdout's "dian shangke" is no 暗杀 + ng): 17 sound-alike
// matches fewer, each cut out of typed words (淫姬 in chayinjing, 小逼 in zhixiaobinggu, 阿拉 in
// ma拉戈壁), all in texts flagged by other hits, the same 9 619 flagged texts; and again when 独立
// became a review word (the fifty-sixth holdout's 阳台独立装了个晾衣架): in 11 texts 独立 inside
// 台湾独立 became a review match or, as a sound-alike (taiwanyinggaiduli), went, 4 matches fewer;
// every one of them is flagged by 台湾独立 itself; and again when typed words parted by a space or
// punctuation got syllable splits of their own (the fifty-sixth holdout's "shua dan …, dd wo"): 2
// sound-alike matches more, each a typed word before punctuation and more letters (tama？，dy for
// 他妈, yashensuanna，GPM for 亚砷酸钠), one text more flagged (9 620); and again when 女人, 中国特色
// and 社会主义 became review words (the sixty-fifth holdout's 留守的女人 and a Party lecture) and the
// review model was retrained with holdouts 61-65 in tune: 2 matches inside longer words (痴情女人,
// 毛社会主义) became review matches, each text flagged by the longer word, and a few model guesses on
// clean texts moved; the same 9 620 flagged texts and 24 909 matches; and again when a 色情 word
// near a farm animal stopped being the farmer's in a message with a person, a slur or a number in
// it (the seventy-sixth holdout's second reader): 迷情 after 小鱼儿 in 签到 小鱼儿 订购迷情粉第27天,
// 3 matches more, each text flagged by 迷情粉 already; the same 9 620 flagged texts.
const PINNED = {
  sha256: 'cffcf1361133d59c08d3b6fdc8f70438052a5f4fa192f5f85af051f0c694ccff',
  texts: 16080,
  flagged: 9620,
  matches: 24912,
};

let detector: Detector;
let texts: string[];
beforeAll(async () => {
  // The rules only: the review model's guesses follow its training data and are tested apart (review-model.test.ts).
  detector = createDetector(await loadLexicon([path.join(SHARED_DIR, 'lexicon/merged/lexicon.jsonl'), path.join(SHARED_DIR, 'lexicon/merged/ads-solicitation.txt')]), { reviewModel: null });
  texts = snapshotTexts(SHARED_DIR);
});

describe('verdicts on the shared corpus', () => {
  it('are exactly the pinned ones', () => {
    expect(verdictDigest(detector, texts)).toEqual(PINNED);
  });

  it('do not depend on what was scanned before (scratch buffers are reset per message)', () => {
    const sample = texts.filter((_, i) => i % 37 === 0);
    const forward = sample.map((t) => verdictLine(detector.scan(t)));
    const backward = [...sample].reverse().map((t) => verdictLine(detector.scan(t))).reverse();
    expect(backward).toEqual(forward);
  });

  it('pins something: a changed verdict changes the digest', () => {
    const flipped = { scan: (text: string) => ({ ...detector.scan(text), flagged: text === texts[0] ? !detector.scan(text).flagged : detector.scan(text).flagged }), stats: detector.stats };
    expect(verdictDigest(flipped, texts.slice(0, 50)).sha256).not.toBe(verdictDigest(detector, texts.slice(0, 50)).sha256);
  });
});
