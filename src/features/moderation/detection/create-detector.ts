import { pinyin } from 'pinyin-pro';
import { Automaton, CELL, PackedTrie } from './automaton';
import { CharClass, CharTables } from './char-tables';
import type { Detector, DetectorOptions, DetectorStats, MatchLayer, ScanMatch, ScanResult } from './detector';
import { DEFAULT_ALLOWED_DOMAINS } from './find-links';
import { findSlangAmong, slangCandidates } from './find-slang';
import { FactorGate } from './regex-factors';
import { findSolicitationWith, SolicitationCues, solicitationKind } from './find-solicitation';
import { deniedInside, isSurname, negatedByContext, readsAsReport } from './prohibitive-context';
import { loadReviewModel, reviewScore, type ReviewModel } from './review-model';
import { loadCommonWords, loadWordPairs } from './load-common-words';
import { loadWordSegmenter, type WordSegmenter } from './load-word-segmenter';

/** One-character exclamations that open a chat message on their own (草，… 靠 …). */
const EXCLAMATIONS = new Set([...'草艹靠'].map((c) => c.charCodeAt(0)));
const POSSESSOR = new Set([...'我你他她'].map((c) => c.charCodeAt(0)));
const MEASURE = new Set([...'件个只条张份包箱袋瓶盒台辆本'].map((c) => c.charCodeAt(0)));
const CALLED_SEXUALLY = /晚上|寂寞|哥哥|一晚|视频|约|妞|女|声音|那事|床|姿势|功夫|服务|男人|叫起来/;
const NAME_BEFORE_CALLED = /(?:名字|名子|名称|店名|网名|小名|大名|名儿)$/;
const THING_HANDLED = /^(?:弄丢|丢了|丢失|寄|发|到了|收到|退|拆|压|扣|送|拿|取|坏|破)/;
const ABOUT_A_WOMAN = /女|娘们|骚|媳妇|老婆|妹|嫂|一晚|一次|一回|漂亮|水灵/;
const NUMERAL = /[一二三四五六七八九十两几0-9]/;
const COUNTED = /^[回次遍台部趟]/;
/**
 * Whether [start, end) is two characters whose first ends a word begun right before it (死机, a
 * dictionary word however rare) and whose second is a numeral counting times or machines after it
 * (八回): the ends of two words. Nothing aimed at anyone in front (你个机八…).
 */
function countedAfterWord(input: string, start: number, end: number): boolean {
  if (start < 1 || !NUMERAL.test(input.charAt(end - 1)) || !COUNTED.test(input.charAt(end))) return false;
  const before = input.charCodeAt(start - 1);
  return before >= 0x4e00 && before <= 0x9fff && !POSSESSOR.has(before) && loadWordPairs().has((before << 16) | input.charCodeAt(start));
}
// A price per unit right after the word, or after the same produce named again (老姜两块五一斤, 仔姜八块钱1斤, 老姜8元/斤).
const PRICE = /^[\s，,]*(?:现在|才|要|卖|都)?[0-9一二三四五六七八九十两几百.]+(?:块|元)(?:钱)?[0-9一二三四五六七八九]?(?:毛)?(?:钱)?(?:\/|一|每|[0-9一二三四五六七八九十]+)?(?:斤|公斤|箱|盒|袋|个|只|件|瓶)/;
/** Whether a price follows the word, or follows another word ending in its last character later in the message (仔姜…八块一斤). */
function pricedRightAfter(input: string, start: number, end: number): boolean {
  if (PRICE.test(input.slice(end, end + 16))) return true;
  const last = input.charAt(end - 1);
  for (let i = input.indexOf(last, end); i >= 0; i = input.indexOf(last, i + 1)) if (PRICE.test(input.slice(i + 1, i + 17))) return true;
  return false;
}
// A classmate's own farm produce offered to the class: who they are in the class, that it is their own, what it is, and no lure.
const CLASS_MEMBER = /我是(?:学员|同学|[0-9一二三四五六七八九十]+(?:组|班)的|班里的|咱班的)/;
const OWN_PRODUCE = /(?:我家|自家|自己家|自己|自产|家里)(?:种|养|产|做|晒|腌|酿|摘|采)?的?(?:土|新鲜|新)?(?:蜂蜜|鸡蛋|鸭蛋|土鸡|鸡|鸭|鹅|苹果|橙|柚|桃|梨|枣|核桃|板栗|茶|大米|小米|玉米|红薯|土豆|腊肉|香肠|辣椒|花椒|木耳|香菇|蘑菇|笋|猪肉|牛肉|羊肉|粉条|挂面|菜籽油|香油|芝麻|花生|猕猴桃|葡萄|草莓|樱桃|李子|杏|柿|山楂|枸杞|蔬菜|菜|米|面|油|瓜|果)/;
const LURE = /赚|挣|兼职|返|红包|佣金|日结|代理|项目|副业|免费|领取|资源|福利|美女|妹|懂的|贷|投资|收益|押金|刷|视频|片|另外|还有|渠道|名牌|专柜|一模一样|仿|看货|抽|麻将|牌|局|台子|证|考试|壮阳|一夜|烟|治|癌|特效|药|收购|野|绝育|贴|标|茅台|放松|飘|晚上|[0-9０-９]{5,}/;
const ASKED_ABOUT = /好不好|行不行|靠谱吗|靠不靠谱|怎么样|咋样|可靠吗|值不值|划算吗|有人做过吗/;
const AD_OFFERED = /私|找我|联系|加我|加微|v|微信|电话|热线|咨询|详情|欢迎|招商|扶持|名额|免费|零|包|送|赚|挣|兼职|价钱|报酬|好几|出手|便宜|发票|点数|要不要|做不做|有没有|有哪个|愿意|缺钱|一天|一个月|[0-9０-９]|[一二三四五六七八九十两百千万]+(?:块|元|百|千|万)|有兴趣|有意/i;
const ownProduceOffered = (input: string): boolean => CLASS_MEMBER.test(input) && OWN_PRODUCE.test(input) && !LURE.test(input);
// A three-character name between the group, the class or the village it belongs to and a classmate's title.
const MEMBER_NAME = /(?:组|班)的([\u4e00-\u9fff]{3})(?=同学)/g;
function memberNamed(input: string, start: number, end: number): boolean {
  for (const m of input.matchAll(MEMBER_NAME)) {
    const from = m.index + m[0].length - 3;
    if (start >= from && end <= from + 3) return true;
  }
  return false;
}
import type { Lexicon } from './lexicon';
import { BANNED_CATEGORIES, type ModerationCategory } from './moderation-category';
import { IntList } from './int-list';
import { NormalisedText } from './normalised-text';
import { bitCount, childBit, SyllableTrie, TRIE_BASE, TRIE_FLAGS, TRIE_LETTERS, TRIE_OWN_OUTPUT } from './syllable-trie';

/** Build a detector from a lexicon: a character automaton and the pinyin layer's letter and syllable tries, shared by every scan. */
export function createDetector(lexicon: Lexicon, options: DetectorOptions = {}): Detector {
  return new LexiconDetector(lexicon, options);
}

const PRIORITY: readonly ModerationCategory[] = [...BANNED_CATEGORIES, '违法犯罪', '未分类'];
const BANNED = new Set<string>(BANNED_CATEGORIES);

const KIND_BANNED = 0;
const KIND_BROAD = 1;
const KIND_ALLOW = 2;

// Letter alphabet of the pinyin layer: a–z, 0–9; anything else breaks a match.
const LETTERS = 36;

// Boundary before a letter position: inside a Han syllable, at a token boundary, or between latin letters/digits.
const B_NO = 0;
const B_YES = 1;
const B_SOFT = 2;

const EDGE_FIRST_LATIN = 1;
const EDGE_FIRST_DIGIT = 2;
const EDGE_LAST_LATIN = 4;
const EDGE_LAST_DIGIT = 8;
/**
 * Radical forms (氵 亻 扌 …): a word holding one is a character split into its parts (氵去 for 法),
 * matched as written; what merely sounds like it (谁去) is chance.
 */
const RADICAL_FORM = /[氵亻扌艹讠钅纟饣犭忄礻衤冫丷彳阝刂]/;
/** In patMeta's third field: the word is on the allow-list too. */
const ALSO_ALLOWED = 1 << 16;

// Sentence and clause punctuation: a sound-alike hit never spans a clause break.
const CLAUSE = new Uint8Array(0x10000);
for (const c of '，。！？；,!?;') CLAUSE[c.charCodeAt(0)] = 1;

// Sentence-final particles, and 不 ending a yes-no question (安全不, heard as 安全部): written at the end of a clause they are read as the particle, not as a sound-alike.
const PARTICLE = new Uint8Array(0x10000);
for (const c of '吗嘛呢吧啊呀啦哦么不') PARTICLE[c.charCodeAt(0)] = 1;

// The scan loops read automaton cells with their field offsets written out: [check, base, fail, out].
if (CELL !== 4) throw new Error('automaton cell layout changed');

const PINYIN_OPTIONS = { toneType: 'none', type: 'array', v: true } as const;

/**
 * The pinyin layer's patterns while a detector is built, laid end to end: letters of pattern i
 * are syms[at[i] .. at[i + 1]), with (per letter) the Han code point it spells (-1: latin) and
 * its boundary kind | repeat count << 8 in `letters`; its leading Han syllables are
 * leading[leadingAt[i] .. leadingAt[i + 1]).
 */
class PinyinPatterns {
  readonly syms: IntList;
  readonly at: IntList;
  readonly letters: IntList;
  readonly pattern: IntList;
  readonly han: IntList;
  readonly leading: IntList;
  readonly leadingAt: IntList;
  /** Scratch for addPinyinPatterns. */
  readonly readings: number[] = [];
  readonly alt: number[] = [];

  /** Sized for the patterns of `words` word patterns holding `tokens` tokens (they grow past that if need be). */
  constructor(words: number, tokens: number) {
    // About a third of the words are banned ones with a pinyin pattern; a syllable has about three letters.
    this.syms = new IntList(tokens * 2);
    this.letters = new IntList(tokens * 4);
    this.at = new IntList((words >>> 1) + 1);
    this.pattern = new IntList(words >>> 1);
    this.han = new IntList(words >>> 1);
    this.leading = new IntList(tokens);
    this.leadingAt = new IntList((words >>> 1) + 1);
    this.at.push(0);
    this.leadingAt.push(0);
  }

  letter(sym: number, bound: number, char: number, run: number): void {
    this.syms.push(sym);
    this.letters.push(char);
    this.letters.push(bound | (Math.min(run, 255) << 8));
  }

  /** Close the pattern being written: it spells word pattern `charPattern`, with `han` Han characters. */
  end(charPattern: number, han: number, readings: readonly number[]): void {
    this.at.push(this.syms.length);
    this.pattern.push(charPattern);
    this.han.push(Math.min(han, 255));
    for (let i = 0; i < readings.length && (readings[i] as number) >= 0; i++) this.leading.push(readings[i] as number);
    this.leadingAt.push(this.leading.length);
  }
}

class LexiconDetector implements Detector {
  readonly stats: DetectorStats;
  private readonly tables: CharTables;
  private readonly text: NormalisedText;
  // Character-layer patterns, struct-of-arrays: word, primary category, kind, length, edges, repeat counts.
  private readonly patWord: string[];
  /**
   * Per pattern one 16-byte record, so a hit reads one cache line of it:
   * [length in tokens, offset of its repeat counts in patRuns (-1: none), edges | kind << 8 | ALSO_ALLOWED, category index].
   */
  private readonly patMeta: Int32Array;
  /** Category names, indexed by the last field of patMeta, and the review reason of a broad word of each. */
  private readonly categoryNames: string[] = [];
  /** Index of 色情 in categoryNames (-1: no such word). */
  private sexCategory = -1;
  private insultCategory = -1;
  /** Index of 政治 in categoryNames (-1: no such word). */
  private politicsCategory = -1;
  private adsCategory = -1;
  private readonly broadReasons: string[] = [];
  private readonly patRuns: Uint8Array;
  private readonly charAutomaton: Automaton;
  /**
   * One bit per pair of character symbols some word starts with, and per pair written side by
   * side anywhere in a word (hashed: a stray bit only costs the steps it would have saved).
   */
  private readonly charPairs: Int32Array;
  private readonly charInner: Int32Array;
  private readonly charIdBmp = new Int32Array(0x10000).fill(-1);
  private readonly charIdAstral = new Map<number, number>();
  /** Per pinyin pattern: [first letter in pyLetters, letters, character pattern, Han characters of the word]. */
  private readonly pyMeta: Int32Array;
  /** Per letter of every pinyin pattern: [folded Han code point it spells (-1: latin), boundary kind | repeat count << 8]. */
  private readonly pyLetters: Int32Array;
  /** The pinyin patterns' letters as a trie (goto only), packed for the walks. */
  private readonly letterTrie: PackedTrie | null;
  private readonly syllableSyms: Uint8Array[];
  private readonly solicitation: boolean;
  private readonly slang: boolean;
  private readonly prohibitiveContext: boolean;
  private readonly allowedDomains: readonly string[];
  private readonly commonWords: WordSet;
  private readonly everydayWords: ReadonlySet<string>;
  /** The syllable pairs two-character everyday words are read as (草莓: cao mei), built on first use. */
  private spokenPairs: Set<number> | null = null;
  private typedPairs: Set<number> | null = null;
  private readonly segmenter: WordSegmenter | null;
  private readonly reviewModel: ReviewModel | null;

  private readonly syllableTrie: SyllableTrie | null;
  /**
   * What the scan needs of each BMP code unit, in one 8-byte record read once per character:
   * [folded code point | status << 16 (UNIT_TOKEN, UNIT_DROPPED, UNIT_GENERAL) | solicitation kind << 18,
   *  class | (char symbol + 1) << 3 | (syllable + 1) << 20].
   */
  private unitTable: Int32Array = new Int32Array(0);
  /** The solicitation detectors' cues of the message, gathered by fillTokens. */
  private readonly cues = new SolicitationCues();

  // Per-scan scratch buffers: per token its character symbol (-1: in no word), syllable and first letter.
  private tokSym = new Int32Array(257);
  private tokLetter = new Int32Array(257);
  private tokSyllable = new Int32Array(257);
  /** Whether the message has a Han character with a reading, a latin letter or a digit. */
  private spellable = false;
  /** Letters in the pinyin letter stream of the message. */
  private letterCount = 0;
  private syllableLength: Uint8Array = new Uint8Array(0);
  /** Character-layer hits come first in `hits`: this many. */
  private charHits = 0;
  private readonly candidates = new CandidateList();
  private runLetters = new Uint8Array(64);
  private runReach = new Uint8Array(65);
  private splitLetters = new Uint8Array(64);
  private spelling: { next: Int32Array; ends: Uint8Array } | null = null;
  private spellingSize = -1;
  // Scratch kept in typed arrays with counters: resetting a JS array per scan would make
  // V8 promote every new backing store to the old generation.
  private readonly hits = new SpanList();
  /**
   * This scan's hits of 违法犯罪/未分类 words and their token spans, in the same order: whether
   * one is ordinary speech (dropLoneBroadHits) is only asked when the message has no other hit.
   */
  private readonly broadHits: ScanMatch[] = [];
  private readonly broadSpans = new SpanList();
  private readonly allows = new SpanList();
  private segmentRunStart = -1;
  private segmentReach: Uint8Array = new Uint8Array(0);
  // The Han run (tokens written side by side) last cut into words, and which of its tokens begin a word.
  private hanRunFrom = -1;
  private hanRunTo = -1;
  private hanRunUnits = new Uint16Array(1024);
  private hanRunLength = 0;
  private hanRunAt = new Int32Array(256);
  private hanRunCut = false;
  private wordStart = new Uint8Array(256);
  private input = '';

  constructor(lexicon: Lexicon, options: DetectorOptions) {
    const started = performance.now();
    this.tables = options.tables ?? CharTables.shared();
    this.text = new NormalisedText(this.tables);
    this.solicitation = options.solicitation ?? true;
    this.allowedDomains = options.allowedDomains ?? DEFAULT_ALLOWED_DOMAINS;
    const broadMinLength = options.broadMinLength ?? 2;
    this.slang = options.slang ?? true;
    this.prohibitiveContext = options.prohibitiveContext ?? true;
    this.everydayWords = options.commonWords === undefined ? loadCommonWords() : (options.commonWords ?? new Set());
    this.commonWords = commonWordSet(this.everydayWords, this.tables);
    this.segmenter = options.segmenter === undefined ? loadWordSegmenter() : options.segmenter;
    this.reviewModel = options.reviewModel === undefined ? loadReviewModel() : options.reviewModel;

    // Word patterns laid end to end: pattern i is tokens[patAt[i] .. patAt[i + 1]) (folded, repeats
    // collapsed), each with its repeat count in tokenRuns. No object, array or key string per
    // word: a full lexicon has some 66 000, and what a build allocates is what the process peaks at.
    // Sized from the word lists (folding rarely makes a word longer; the lists grow if it does).
    const words0 = lexicon.entries.length + lexicon.allow.length;
    let chars0 = 0;
    for (const entry of lexicon.entries) chars0 += entry.word.length;
    for (const word of lexicon.allow) chars0 += word.length;
    const tokens = new IntList(chars0 + 16);
    const tokenRuns = new IntList(chars0 + 16);
    const patAt = new IntList(words0 + 1);
    patAt.push(0);
    const kinds = new IntList(words0);
    const edgesOf = new IntList(words0);
    const categoriesOf: ModerationCategory[][] = [];
    const words: string[] = [];
    const folded: number[] = [];
    const scratchTokens: number[] = [];
    const scratchRuns: number[] = [];
    // The same word (folded tokens and repeat counts, allow-list or not) is one pattern: an
    // open-addressing table of pattern indices by a hash of that, compared in full on a hit.
    let slots = 16;
    while (slots < words0 * 2) slots *= 2;
    const byKey = new Int32Array(slots).fill(-1);
    const sameKey = (i: number, allow: boolean): boolean => {
      if ((kinds.get(i) === KIND_ALLOW) !== allow) return false;
      const from = patAt.get(i);
      if (patAt.get(i + 1) - from !== scratchTokens.length) return false;
      for (let j = 0; j < scratchTokens.length; j++) {
        if (tokens.get(from + j) !== scratchTokens[j] || tokenRuns.get(from + j) !== scratchRuns[j]) return false;
      }
      return true;
    };
    const add = (word: string, kind: number, categories: readonly ModerationCategory[]): void => {
      this.tables.foldInto(word, folded);
      if (folded.length === 0) return;
      scratchTokens.length = 0;
      scratchRuns.length = 0;
      for (const cp of folded) {
        const n = scratchTokens.length;
        if (n > 0 && scratchTokens[n - 1] === cp) scratchRuns[n - 1] = (scratchRuns[n - 1] as number) + 1;
        else {
          scratchTokens.push(cp);
          scratchRuns.push(1);
        }
      }
      if (kind === KIND_BROAD && (broadMinLength <= 0 || scratchTokens.length < broadMinLength)) return;
      const allow = kind === KIND_ALLOW;
      let hash = allow ? 0x2545f491 : 0x6a09e667;
      for (let j = 0; j < scratchTokens.length; j++) hash = Math.imul(hash ^ Math.imul(scratchTokens[j] as number, 31) ^ (scratchRuns[j] as number), 0x9e3779b1) ^ (hash >>> 15);
      let slot = (hash >>> 0) & (slots - 1);
      for (; byKey[slot] !== -1; slot = (slot + 1) & (slots - 1)) {
        const existing = byKey[slot] as number;
        if (!sameKey(existing, allow)) continue;
        const own = categoriesOf[existing] as ModerationCategory[];
        for (const c of categories) if (!own.includes(c)) own.push(c);
        if (kind === KIND_BANNED) kinds.set(existing, KIND_BANNED);
        return;
      }
      const first = this.tables.classOf(scratchTokens[0] as number);
      const last = this.tables.classOf(scratchTokens[scratchTokens.length - 1] as number);
      byKey[slot] = words.length;
      words.push(word);
      kinds.push(kind);
      edgesOf.push(
        (first === CharClass.LATIN ? EDGE_FIRST_LATIN : 0) |
          (first === CharClass.DIGIT ? EDGE_FIRST_DIGIT : 0) |
          (last === CharClass.LATIN ? EDGE_LAST_LATIN : 0) |
          (last === CharClass.DIGIT ? EDGE_LAST_DIGIT : 0),
      );
      categoriesOf.push([...categories]);
      for (let j = 0; j < scratchTokens.length; j++) {
        tokens.push(scratchTokens[j] as number);
        tokenRuns.push(scratchRuns[j] as number);
      }
      patAt.push(tokens.length);
    };
    const everyday = new Set(lexicon.review ?? []);
    for (const entry of lexicon.entries) {
      const banned = entry.categories.filter((c) => BANNED.has(c));
      if (banned.length > 0 && !everyday.has(entry.word)) add(entry.word, KIND_BANNED, banned);
      else add(entry.word, KIND_BROAD, entry.categories.length > 0 ? entry.categories : ['未分类']);
    }
    for (const word of lexicon.allow) add(word, KIND_ALLOW, []);
    const count = words.length;

    let nextId = 0;
    const symbols = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const cp = tokens.get(i);
      if (cp < 0x10000) {
        let id = this.charIdBmp[cp] as number;
        if (id < 0) this.charIdBmp[cp] = id = nextId++;
        symbols[i] = id;
      } else {
        let id = this.charIdAstral.get(cp);
        if (id === undefined) this.charIdAstral.set(cp, (id = nextId++));
        symbols[i] = id;
      }
    }
    this.charAutomaton = Automaton.buildFlat(symbols, patAt.view(), nextId);
    this.charPairs = charPairsOf(this.charAutomaton, true);
    this.charInner = charPairsOf(this.charAutomaton, false);

    this.patWord = words;
    this.patMeta = new Int32Array(count * 4);
    const runs: number[] = [];
    for (let i = 0; i < count; i++) {
      const categories = (categoriesOf[i] as ModerationCategory[]).sort((a, b) => PRIORITY.indexOf(a) - PRIORITY.indexOf(b));
      const category = (kinds.get(i) === KIND_BANNED ? categories.filter((c) => BANNED.has(c)) : categories)[0] ?? '未分类';
      let categoryIndex = this.categoryNames.indexOf(category);
      if (categoryIndex < 0) {
        categoryIndex = this.categoryNames.push(category) - 1;
        this.broadReasons.push(this.broadReviewReason(category));
      }
      const from = patAt.get(i);
      const to = patAt.get(i + 1);
      let repeated = false;
      for (let j = from; j < to; j++) if (tokenRuns.get(j) > 1) repeated = true;
      this.patMeta[i * 4] = to - from;
      this.patMeta[i * 4 + 1] = repeated ? runs.length : -1;
      this.patMeta[i * 4 + 2] = edgesOf.get(i) | (kinds.get(i) << 8);
      this.patMeta[i * 4 + 3] = categoryIndex;
      if (repeated) for (let j = from; j < to; j++) runs.push(Math.min(tokenRuns.get(j), 255));
    }
    this.patRuns = Uint8Array.from(runs);
    // A listed word that is also allowed (信号) is ordinary as written, and so are Han characters that sound like it (新号).
    const allowed = new Set(lexicon.allow);
    for (let i = 0; i < count; i++) if (kinds.get(i) === KIND_BANNED && allowed.has(words[i] as string)) this.patMeta[i * 4 + 2] = (this.patMeta[i * 4 + 2] as number) | ALSO_ALLOWED;
    this.sexCategory = this.categoryNames.indexOf('色情');
    this.insultCategory = this.categoryNames.indexOf('辱骂');
    this.politicsCategory = this.categoryNames.indexOf('政治');
    this.adsCategory = this.categoryNames.indexOf('广告');

    this.syllableSyms = this.tables.syllables.map((syllable) => Uint8Array.from(syllable, (ch) => ch.charCodeAt(0) - 0x61));
    const py = new PinyinPatterns(count, tokens.length);
    if (options.pinyin ?? true) {
      for (let i = 0; i < count; i++) {
        if (kinds.get(i) === KIND_BANNED && !RADICAL_FORM.test(words[i] as string)) this.addPinyinPatterns(i, patAt.get(i), patAt.get(i + 1), tokens, tokenRuns, py);
      }
      this.letterTrie = PackedTrie.of(Automaton.buildFlat(py.syms.view(), py.at.view(), LETTERS, false));
    } else this.letterTrie = null;
    this.syncSyllables();
    const letterTrie = this.letterTrie;
    this.syllableTrie = letterTrie
      ? SyllableTrie.build(
          py.leading.view(),
          py.leadingAt.view(),
          this.syllableSyms.length,
          (state, syl) => this.letterGoto(letterTrie, state, syl),
          (state) => ((letterTrie.cells[state * 2 + 1] as number) & 1) !== 0,
        )
      : null;
    const pinyinCount = py.pattern.length;
    this.pyMeta = new Int32Array(pinyinCount * 4);
    for (let i = 0; i < pinyinCount; i++) {
      this.pyMeta[i * 4] = py.at.get(i);
      this.pyMeta[i * 4 + 1] = py.at.get(i + 1) - py.at.get(i);
      this.pyMeta[i * 4 + 2] = py.pattern.get(i);
      this.pyMeta[i * 4 + 3] = py.han.get(i);
    }
    this.pyLetters = py.letters.toArray();
    this.unitTable = this.buildUnitTable();

    let allowWords = 0;
    for (let i = 0; i < count; i++) if (kinds.get(i) === KIND_ALLOW) allowWords++;
    this.stats = {
      words: count - allowWords,
      allowWords,
      charStates: this.charAutomaton.states,
      pinyinPatterns: pinyinCount,
      pinyinStates: this.letterTrie?.states ?? 0,
      buildMs: performance.now() - started,
    };
  }

  scan(input: string): ScanResult {
    const t = this.text;
    this.input = input;
    this.fillTokens(input);
    this.hits.count = 0;
    this.allows.count = 0;
    this.hanRunFrom = -1;
    this.hanRunTo = -1;
    this.scanChars();
    this.charHits = this.hits.count;
    if (this.letterTrie && this.syllableTrie) this.scanPinyin(this.letterTrie, this.syllableTrie);
    // Setting an array's length is a runtime call even when it does not change: most scans hold none.
    if (this.broadHits.length > 0) this.broadHits.length = 0;
    this.broadSpans.count = 0;
    const matches = this.hits.count > 0 ? this.collect(input) : [];
    if (this.slang) {
      // Only the rules whose factors occur among the tokens run; most messages fold nothing more.
      const found = findSlangAmong(input, this.tables, slangCandidates(t.cp, t.run, t.length));
      for (let i = 0; i < found.length; i++) {
        const m = found[i] as ScanMatch;
        if (this.prohibitiveContext && (negatedByContext(input, m.start, m.end, m.category) || deniedInside(input, m.start, m.end, m.category))) continue;
        // A name that holds a slang word (王法轮 签到) is a trainee signing in.
        if (signedName(input, m.start, m.end)) continue;
        // A threat or an insult laughed off in the same breath (再抢我沙发我就弄死你哈哈😂, 你是猪吗哈哈哈) goes to staff, not the group.
        if ((m.category === '暴恐' || m.category === '辱骂') && m.tier === 'public' && JOKING.test(input.slice(m.end, m.end + 4))) {
          m.tier = 'review';
          m.reason = `said laughing (${m.word})`;
        }
        if (!coveredByPublic(matches, m)) matches.push(m);
      }
    }
    if (this.solicitation) {
      const found = findSolicitationWith(input, this.cues, this.allowedDomains);
      for (let i = 0; i < found.length; i++) matches.push(found[i] as ScanMatch);
    }
    if (matches.length === 0) return this.secondOpinion(input, matches);
    if (matches.length > 1) sortByStartEnd(matches);
    if (this.broadHits.length > 0) this.dropLoneBroadHits(matches);
    if (matches.length === 0) return this.secondOpinion(input, matches);
    const categories: string[] = [];
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i] as ScanMatch;
      if (m.tier !== 'review' && !categories.includes(m.category)) categories.push(m.category);
    }
    return { flagged: categories.length > 0, categories, matches };
  }

  /**
   * A message no rule flagged: the review model's guess (review-model.ts), a note to staff
   * when its probability reaches the model's threshold, never a public action.
   */
  private secondOpinion(input: string, matches: ScanMatch[]): ScanResult {
    const model = this.reviewModel;
    if (model && this.hanTokens() >= MODEL_MIN_HAN) {
      const p = reviewScore(model, this.text.cp, this.text.length);
      // A report or a warning is what the model most often mistakes for the thing reported.
      if (p >= model.threshold && !(this.prohibitiveContext && readsAsReport(input))) {
        matches.push({ word: 'review-model', category: '未分类', start: 0, end: input.length, layer: 'model', tier: 'review', reason: `statistical guess (${Math.round(p * 100)} %)` });
      }
    }
    return { flagged: false, categories: [], matches };
  }

  /** Whether `input` is typed in pinyin: three or more words of letters, each one syllable or a run of them (laoshi). */
  private typedInPinyin(input: string): boolean {
    const words = input.toLowerCase().match(/[a-z]+/g);
    if (!words || words.length < 3) return false;
    const set = this.tables.syllableSet;
    const spelled = (w: string): boolean => {
      // Greedy from the longest syllable, with one step back: enough for the two- and three-syllable words chat writes.
      if (w === '') return true;
      for (let n = Math.min(w.length, this.tables.maxSyllableLength); n > 0; n--) if (set.has(w.slice(0, n)) && spelled(w.slice(n))) return true;
      return false;
    };
    return words.every((w) => w.length <= 18 && spelled(w));
  }

  /** Whether the pinyin word at [start, end) and the word right after it are read as one everyday word (cao mei: 草莓, cao zuo: 操作). */
  private spokenWithNext(input: string, start: number, end: number): boolean {
    const ids = (w: string | undefined): number => (w !== undefined && this.tables.syllableSet.has(w.toLowerCase()) ? this.tables.syllableId(w.toLowerCase()) : -1);
    const own = ids(input.slice(start, end));
    const next = ids(/^[\s,，]*([a-zA-Z]+)/.exec(input.slice(end))?.[1]);
    return own >= 0 && next >= 0 && this.pinyinPairs().has((own << 16) | next);
  }

  /**
   * Whether a word heard in typed pinyin at [start, end) begins with a syllable that makes an
   * everyday word with the one typed before it and ends with one that makes an everyday word with
   * the one after it (wo jia ji dan: 我家 and 鸡蛋, no 甲基): two words' halves.
   */
  private pinyinHalves(input: string, start: number, end: number): boolean {
    if (/[a-zA-Z]/.test(input.charAt(start - 1)) || /[a-zA-Z]/.test(input.charAt(end))) return false;
    const inside = input.slice(start, end).toLowerCase().split(/[\s,，]+/);
    const prev = /([a-zA-Z]+)[\s,，]*$/.exec(input.slice(Math.max(0, start - 12), start))?.[1]?.toLowerCase();
    const next = /^[\s,，]*([a-zA-Z]+)/.exec(input.slice(end, end + 12))?.[1]?.toLowerCase();
    const set = this.tables.syllableSet;
    const first = inside[0];
    const last = inside[inside.length - 1];
    if (inside.length < 2 || prev === undefined || next === undefined || first === undefined || last === undefined) return false;
    if (!set.has(prev) || !set.has(next) || !set.has(first) || !set.has(last)) return false;
    const id = (w: string): number => this.tables.syllableId(w);
    const pairs = this.allPinyinPairs();
    return pairs.has((id(prev) << 16) | id(first)) && pairs.has((id(last) << 16) | id(next));
  }

  /** Whether the pinyin layer hears a 色情 or 辱骂 word starting at token `from` (cao ta: 操他; cao mei mei: 操妹妹). */
  private soundedCurseAt(from: number): boolean {
    const hits = this.hits;
    for (let h = 0; h < hits.count; h++) {
      if ((hits.layer[h] as number) === 0 || (hits.from[h] as number) !== from) continue;
      const category = this.patMeta[(hits.pattern[h] as number) * 4 + 3] as number;
      if (category === this.sexCategory || category === this.insultCategory) return true;
    }
    return false;
  }

  private pinyinPairs(): Set<number> {
    if (this.spokenPairs) return this.spokenPairs;
    const pairs = new Set<number>();
    const { pinyinBmp } = this.tables;
    for (const w of this.everydayWords) {
      if (w.length !== 2) continue;
      const a = pinyinBmp[w.charCodeAt(0)] as number;
      const b = pinyinBmp[w.charCodeAt(1)] as number;
      if (a >= 0 && b >= 0) pairs.add((a << 16) | b);
    }
    return (this.spokenPairs = pairs);
  }

  /** pinyinPairs over every two-character word of the dictionary, rare ones too (不清): for lines typed in pinyin, which have no characters to tell them apart. */
  private allPinyinPairs(): Set<number> {
    if (this.typedPairs) return this.typedPairs;
    const pairs = new Set<number>(this.pinyinPairs());
    const { pinyinBmp } = this.tables;
    for (const p of loadWordPairs()) {
      const a = pinyinBmp[p >>> 16] as number;
      const b = pinyinBmp[p & 0xffff] as number;
      if (a >= 0 && b >= 0) pairs.add((a << 16) | b);
    }
    return (this.typedPairs = pairs);
  }

  private hanTokens(): number {
    const t = this.text;
    let n = 0;
    for (let k = 0; k < t.length; k++) if (t.cls[k] === CharClass.HAN) n++;
    return n;
  }

  /**
   * Fold `input` into this.text exactly as NormalisedText.fill does (dropped characters removed,
   * repeats collapsed, spans kept), and note per token its character symbol, its syllable and
   * where its letters start in the pinyin letter stream. One record of unitTable per character
   * answers what four tables did; characters outside the BMP and multi-character folds take
   * the general path.
   */
  private fillTokens(input: string): void {
    const t = this.text;
    const len = input.length;
    t.reserve(len + 1);
    if (this.tokSym.length < t.cp.length + 1) this.growTokens(t.cp.length + 1);
    const table = this.unitTable;
    const cues = this.cues;
    cues.reset();
    let { cp, cls, run, start, end } = t;
    let { tokSym, tokSyllable, tokLetter } = this;
    const sylLength = this.syllableLength;
    let n = 0;
    let pos = 0;
    let spellable = false;
    let i = 0;
    while (i < len) {
      const c = input.charCodeAt(i);
      if (c < 0xd800 || c >= 0xdc00 || i + 1 >= len) {
        const head = table[c * 2] as number;
        const kind = head >>> 18;
        if ((kind | cues.prev) !== 0) cues.note(kind);
        const status = (head >>> 16) & 3;
        if (status === UNIT_TOKEN) {
          const f = head & 0xffff;
          if (n > 0 && cp[n - 1] === f) {
            run[n - 1] = (run[n - 1] as number) + 1;
            end[n - 1] = i + 1;
            const prevCls = cls[n - 1] as number;
            if (prevCls === CharClass.LATIN || prevCls === CharClass.DIGIT) pos++;
          } else {
            const info = table[c * 2 + 1] as number;
            const k = info & 7;
            cp[n] = f;
            cls[n] = k;
            run[n] = 1;
            start[n] = i;
            end[n] = i + 1;
            tokSym[n] = ((info >>> 3) & 0x1ffff) - 1;
            tokLetter[n] = pos;
            if (k === CharClass.HAN) {
              const syl = (info >>> 20) - 1;
              tokSyllable[n] = syl;
              if (syl >= 0) {
                pos += sylLength[syl] as number;
                spellable = true;
              } else pos++;
            } else {
              tokSyllable[n] = -1;
              pos++;
              if (k === CharClass.LATIN || k === CharClass.DIGIT) spellable = true;
            }
            n++;
          }
          i++;
          continue;
        }
        if (status === UNIT_DROPPED) {
          i++;
          continue;
        }
      } else {
        // A surrogate pair: both units are of kind 0.
        if (cues.prev !== 0) cues.note(0);
      }
      // The general path: a surrogate pair, or a character that folds to several or outside the BMP.
      t.length = n;
      const w = this.pushSlow(input, i, pos);
      i += w;
      n = t.length;
      pos = this.letterCount;
      spellable ||= this.spellable;
      ({ cp, cls, run, start, end } = t);
      ({ tokSym, tokSyllable, tokLetter } = this);
    }
    t.length = n;
    tokLetter[n] = pos;
    this.letterCount = pos;
    this.spellable = spellable;
  }

  /** fillTokens for the character at `i` the general way; returns its width in UTF-16 units. */
  private pushSlow(input: string, i: number, pos: number): number {
    const t = this.text;
    const tables = this.tables;
    let c = input.charCodeAt(i);
    let w = 1;
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < input.length) {
      const d = input.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        w = 2;
      }
    }
    this.letterCount = pos;
    this.spellable = false;
    const f = c < 0x10000 ? (tables.foldBmp[c] as number) : tables.foldAstral(c);
    if (f >= 0) this.pushToken(f, i, i + w);
    else if (f === -2) {
      const outs = tables.foldMulti.get(c);
      if (outs) {
        if (t.length + outs.length + 1 > t.cp.length) t.reserve(t.length + outs.length + input.length + 1);
        if (this.tokSym.length < t.cp.length + 1) this.growTokens(t.cp.length + 1);
        for (const o of outs) this.pushToken(o, i, i + w);
      }
    }
    return w;
  }

  /** One folded code point onto the tokens (the general path of fillTokens). */
  private pushToken(f: number, from: number, to: number): void {
    const t = this.text;
    const k = f < 0x10000 ? (this.tables.classBmp[f] as number) : this.tables.classOf(f);
    if (k === CharClass.STRIP) return;
    const n = t.length;
    if (n > 0 && t.cp[n - 1] === f) {
      t.run[n - 1] = (t.run[n - 1] as number) + 1;
      t.end[n - 1] = to;
      const prevCls = t.cls[n - 1] as number;
      if (prevCls === CharClass.LATIN || prevCls === CharClass.DIGIT) this.letterCount++;
      return;
    }
    t.cp[n] = f;
    t.cls[n] = k;
    t.run[n] = 1;
    t.start[n] = from;
    t.end[n] = to;
    t.length = n + 1;
    this.tokSym[n] = f < 0x10000 ? (this.charIdBmp[f] as number) : (this.charIdAstral.get(f) ?? -1);
    this.tokLetter[n] = this.letterCount;
    if (k === CharClass.HAN) {
      const syl = this.tables.pinyinOf(f);
      this.tokSyllable[n] = syl;
      if (syl >= 0) {
        // A character outside the BMP can bring a reading no table has yet.
        if (syl >= this.syllableLength.length) this.syncSyllables();
        this.letterCount += this.syllableLength[syl] as number;
        this.spellable = true;
      } else this.letterCount++;
    } else {
      this.tokSyllable[n] = -1;
      this.letterCount++;
      if (k === CharClass.LATIN || k === CharClass.DIGIT) this.spellable = true;
    }
  }

  private growTokens(size: number): void {
    const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(size * 2);
      b.set(a);
      return b;
    };
    this.tokSym = grow(this.tokSym);
    this.tokLetter = grow(this.tokLetter);
    this.tokSyllable = grow(this.tokSyllable);
  }

  /** unitTable: per BMP code unit, its folded code point and what the scan needs of that. */
  private buildUnitTable(): Int32Array {
    const { foldBmp, classBmp, pinyinBmp } = this.tables;
    const table = new Int32Array(0x20000);
    for (let c = 0; c < 0x10000; c++) {
      if (solicitationKind(c) >= 1 << 13) throw new Error('a solicitation kind does not fit unitTable');
      const kind = solicitationKind(c) << 18;
      const f = foldBmp[c] as number;
      const cls = f >= 0 && f < 0x10000 ? (classBmp[f] as number) : -1;
      if (f === -1 || cls === CharClass.STRIP) {
        table[c * 2] = kind | (UNIT_DROPPED << 16);
        continue;
      }
      const sym = cls >= 0 ? (this.charIdBmp[f] as number) : -1;
      const syl = cls === CharClass.HAN ? (pinyinBmp[f] as number) : -1;
      if (cls < 0 || sym + 1 >= 1 << 17 || syl + 1 >= 1 << 12) {
        table[c * 2] = kind | (UNIT_GENERAL << 16);
        continue;
      }
      table[c * 2] = kind | (UNIT_TOKEN << 16) | f;
      table[c * 2 + 1] = cls | ((sym + 1) << 3) | ((syl + 1) << 20);
    }
    return table;
  }

  /**
   * The character automaton over the folded tokens. One step reads the 16-byte cell of the next
   * state (check, base, failure link and output field together); a state's output field is 0
   * for nearly every step, so hits cost nothing until a word ends. Where two neighbouring
   * characters stand side by side in no word, one bit says so and the step goes straight to the
   * root's child (about half the steps on class chat).
   */
  private scanChars(): void {
    const cells = this.charAutomaton.cells;
    const pairs = this.charPairs;
    const inner = this.charInner;
    const syms = this.tokSym;
    const n = this.text.length;
    const rootBase = cells[1] as number;
    let state = 0;
    let prev = -1;
    for (let k = 0; k < n; k++) {
      const sym = syms[k] as number;
      if (sym < 0) {
        state = 0;
        continue;
      }
      // Any state but the root spells text ending in the previous token. A word continues it only
      // if the two characters stand side by side in some word (at its start, from a one-character
      // node): when they do not, every state of the failure chain fails and the step lands on the
      // root's child, and no cell of the chain is read.
      let skip = false;
      if (state !== 0) {
        const slot = charPairSlot(prev, sym);
        const bits = cells[state * 4] === 0 ? pairs : inner;
        skip = ((bits[slot >>> 5] as number) & (1 << (slot & 31))) === 0;
      }
      if (skip) {
        const child = rootBase + sym;
        state = cells[child * 4] === 0 ? child : 0;
      } else {
        // Cell fields: [check, base, fail, out] (automaton.ts), offsets written out for the JIT.
        for (;;) {
          const next = (cells[state * 4 + 1] as number) + sym;
          if (cells[next * 4] === state) {
            state = next;
            break;
          }
          if (state === 0) break;
          state = cells[state * 4 + 2] as number;
        }
      }
      prev = sym;
      const out = cells[state * 4 + 3] as number;
      if (out !== 0) this.emitChars(out, k);
    }
  }

  private emitChars(out: number, last: number): void {
    const { outStart, outIds, dictLink } = this.charAutomaton;
    for (let s = out; s !== 0; s = dictLink[s] as number) {
      for (let o = outStart[s] as number; o < (outStart[s + 1] as number); o++) this.checkCharHit(outIds[o] as number, last);
    }
  }

  private checkCharHit(id: number, last: number): void {
    const t = this.text;
    const meta = this.patMeta;
    const first = last - (meta[id * 4] as number) + 1;
    const runsAt = meta[id * 4 + 1] as number;
    if (runsAt >= 0) {
      for (let i = first; i <= last; i++) if ((t.run[i] as number) < (this.patRuns[runsAt + i - first] as number)) return;
    }
    const edgesKind = meta[id * 4 + 2] as number;
    const edges = edgesKind & 0xff;
    if (edges !== 0 && !this.edgesFree(edges, first, last)) return;
    if (((edgesKind >>> 8) & 0xff) === KIND_ALLOW) this.allows.push(id, first, last, 0);
    else this.hits.push(id, first, last, 0);
  }

  /** A word that starts or ends with a latin letter (digit) must not continue a latin word (number) the sender wrote. */
  private edgesFree(edges: number, first: number, last: number): boolean {
    const t = this.text;
    if (first > 0 && t.start[first] === t.end[first - 1]) {
      const c = t.cls[first - 1];
      if ((edges & EDGE_FIRST_LATIN && c === CharClass.LATIN) || (edges & EDGE_FIRST_DIGIT && c === CharClass.DIGIT)) return false;
    }
    if (last + 1 < t.length && t.end[last] === t.start[last + 1]) {
      const c = t.cls[last + 1];
      if ((edges & EDGE_LAST_LATIN && c === CharClass.LATIN) || (edges & EDGE_LAST_DIGIT && c === CharClass.DIGIT)) return false;
    }
    return true;
  }

  /** The pinyin patterns of word pattern `index` (tokens[from .. to)): its default reading, and its contextual one where that differs. */
  private addPinyinPatterns(index: number, from: number, to: number, tokens: IntList, tokenRuns: IntList, out: PinyinPatterns): void {
    const tables = this.tables;
    let han = 0;
    const readings = out.readings;
    readings.length = 0;
    for (let j = from; j < to; j++) {
      const cp = tokens.get(j);
      const cls = tables.classOf(cp);
      if (cls === CharClass.HAN) {
        const id = tables.pinyinOf(cp);
        if (id < 0) return;
        readings.push(id);
        han++;
      } else if (cls === CharClass.LATIN || cls === CharClass.DIGIT) readings.push(-1);
      else return;
    }
    if (han === 0 || to - from < 2) return;
    this.pushPinyinPattern(index, from, to, tokens, tokenRuns, readings, han, out);
    // Words with a context-dependent reading (娱乐 yule, 银行 yinhang) also get their contextual
    // spelling. The word folded is its tokens with their repeats written out.
    let text = '';
    let length = 0;
    for (let j = from; j < to; j++) {
      const ch = String.fromCodePoint(tokens.get(j));
      for (let r = tokenRuns.get(j); r > 0; r--) text += ch;
      length += tokenRuns.get(j);
    }
    const contextual = pinyin(text, PINYIN_OPTIONS);
    if (contextual.length !== length) return;
    const alt = out.alt;
    alt.length = 0;
    for (let j = from, i = 0; j < to; i += tokenRuns.get(j), j++) {
      const base = readings[j - from] as number;
      alt.push(base < 0 ? base : tables.syllableId(contextual[i] as string));
    }
    if (alt.some((r, i) => r !== readings[i]) && alt.every((r, i) => r >= 0 || (readings[i] as number) < 0)) {
      this.pushPinyinPattern(index, from, to, tokens, tokenRuns, alt, han, out);
    }
  }

  private pushPinyinPattern(index: number, from: number, to: number, tokens: IntList, tokenRuns: IntList, readings: readonly number[], han: number, out: PinyinPatterns): void {
    let prevLatin = false;
    for (let j = from; j < to; j++) {
      const cp = tokens.get(j);
      const run = tokenRuns.get(j);
      const reading = readings[j - from] as number;
      if (reading >= 0) {
        const letters = this.syllableSyms[reading] as Uint8Array;
        for (let l = 0; l < letters.length; l++) out.letter(letters[l] as number, l === 0 ? B_YES : B_NO, cp, run);
        prevLatin = false;
        continue;
      }
      const sym = cp <= 0x39 ? 26 + cp - 0x30 : cp - 0x61;
      for (let r = 0; r < run; r++) {
        out.letter(sym, prevLatin ? B_SOFT : B_YES, -1, 1);
        prevLatin = true;
      }
    }
    out.end(index, han, readings);
  }

  /**
   * The sound-alike layer. A hit can only start where a Han character starts or at a latin
   * letter or digit, and each Han character of it must spell one whole syllable of the word, so
   * instead of running the letter automaton over every letter, a walk starts at each such place:
   * over Han text it steps a syllable at a time in the syllable trie (most places end after
   * one bit of its pair table), over latin letters a letter at a time in the letter automaton
   * (goto only). The walks find every pattern occurrence that can pass checkPinyinHit; they are
   * checked in the order the automaton would report them (by end, longer first), so the hits
   * are the same and in the same order.
   */
  private scanPinyin(a: PackedTrie, trie: SyllableTrie): void {
    const t = this.text;
    const n = t.length;
    const tokLetter = this.tokLetter;
    const tokSyllable = this.tokSyllable;
    const { cls: classes, run: runs } = t;
    this.segmentRunStart = -1;
    if (!this.spellable) return;

    const found = this.candidates;
    found.count = 0;
    // A hit may start inside a run of latin letters only where the letters before it spell whole
    // syllables (latinBoundary), and never inside a run of digits: walks start nowhere else.
    let runStart = 0;
    let reach: Uint8Array | null = null;
    const cells = trie.cells;
    const pairs = trie.pairs;
    const dim = trie.syllables;
    const rootBase = cells[TRIE_BASE] as number;
    for (let k = 0; k < n; k++) {
      const cls = classes[k] as number;
      if (cls === CharClass.HAN) {
        // Most characters end here: no word starts with their syllable, or (followed by another
        // Han character) none with the two syllables and none is the one syllable alone.
        const first = tokSyllable[k] as number;
        if (first < 0 || first >= dim) continue;
        const node1 = (rootBase + first) * 4;
        if (cells[node1] !== 0) continue;
        if (((cells[node1 + TRIE_FLAGS] as number) & TRIE_OWN_OUTPUT) === 0 && k + 1 < n && classes[k + 1] === CharClass.HAN) {
          const second = tokSyllable[k + 1] as number;
          if (second < 0 || second >= dim) continue;
          const bit = first * dim + second;
          if (((pairs[bit >>> 5] as number) & (1 << (bit & 31))) === 0) continue;
        }
        this.walkFromHan(a, trie, k);
      } else if (cls === CharClass.LATIN) {
        if (k === 0 || classes[k - 1] !== CharClass.LATIN) {
          runStart = tokLetter[k] as number;
          reach = null;
        }
        const run = runs[k] as number;
        for (let r = 0; r < run; r++) {
          const offset = (tokLetter[k] as number) + r - runStart;
          if (offset > 0) {
            reach ??= this.syllablePrefixes(k);
            if (reach[offset] !== 1) continue;
          }
          this.walkLetters(a, trie, k, r, 0, k);
        }
      } else if (cls === CharClass.DIGIT) {
        if (k === 0 || classes[k - 1] !== CharClass.DIGIT) this.walkLetters(a, trie, k, 0, 0, k);
      }
    }
    if (found.count === 0) return;
    found.sortByEnd();
    for (let i = 0; i < found.count; i++) {
      const c = found.order[i] as number;
      this.checkPinyinHit(found.pattern[c] as number, found.end[c] as number, found.first[c] as number, found.last[c] as number);
    }
  }

  /** Walk from Han token k a syllable at a time while the characters spell the start of a word. */
  private walkFromHan(a: PackedTrie, trie: SyllableTrie, k: number): void {
    const t = this.text;
    const n = t.length;
    const classes = t.cls;
    const tokSyllable = this.tokSyllable;
    const tokLetter = this.tokLetter;
    const cells = trie.cells;
    const dim = trie.syllables;
    const first = tokSyllable[k] as number;
    if (first >= dim) return;
    // One syllable: the root's children, side by side at base(root) + syllable.
    const node1 = ((cells[TRIE_BASE] as number) + first) * 4;
    if (cells[node1] !== 0) return;
    if (((cells[node1 + TRIE_FLAGS] as number) & TRIE_OWN_OUTPUT) !== 0) this.recordOutputs(a, cells[node1 + TRIE_LETTERS] as number, tokLetter[k + 1] as number, k, k);
    if (k + 1 >= n) return;
    const cls2 = classes[k + 1] as number;
    if (cls2 !== CharClass.HAN) {
      if (cls2 === CharClass.LATIN || cls2 === CharClass.DIGIT) this.walkLetters(a, trie, k + 1, 0, cells[node1 + TRIE_LETTERS] as number, k);
      return;
    }
    // Two syllables: one bit of the pair table, then the pair's copy of its node.
    const second = tokSyllable[k + 1] as number;
    if (second < 0 || second >= dim) return;
    const bit = first * dim + second;
    const word = trie.pairs[bit >>> 5] as number;
    const mask = 1 << (bit & 31);
    if ((word & mask) === 0) return;
    const at = ((trie.pairRank[bit >>> 5] as number) + bitCount(word & (mask - 1))) * 4;
    const pairNodes = trie.pairNodes;
    let node = pairNodes[at] as number;
    let base = pairNodes[at + TRIE_BASE] as number;
    let letters = pairNodes[at + TRIE_LETTERS] as number;
    let flags = pairNodes[at + TRIE_FLAGS] as number;
    if ((flags & TRIE_OWN_OUTPUT) !== 0) this.recordOutputs(a, letters, tokLetter[k + 2] as number, k, k + 1);
    for (let j = k + 2; j < n; j++) {
      const cls = classes[j] as number;
      if (cls === CharClass.HAN) {
        const syl = tokSyllable[j] as number;
        if (syl < 0 || syl >= dim || (flags & childBit(syl)) === 0) return;
        const next = (base + syl) * 4;
        if (cells[next] !== node) return;
        node = base + syl;
        base = cells[next + TRIE_BASE] as number;
        letters = cells[next + TRIE_LETTERS] as number;
        flags = cells[next + TRIE_FLAGS] as number;
        if ((flags & TRIE_OWN_OUTPUT) !== 0) this.recordOutputs(a, letters, tokLetter[j + 1] as number, k, j);
      } else {
        if (cls === CharClass.LATIN || cls === CharClass.DIGIT) this.walkLetters(a, trie, j, 0, letters, k);
        return;
      }
    }
  }

  /**
   * Walk the letter automaton (goto only) from `state`, starting at letter `r` of token j, for a
   * match that starts in token `first`; Han tokens on the way step by their letters.
   */
  private walkLetters(a: PackedTrie, trie: SyllableTrie, j: number, r: number, state: number, first: number): void {
    const t = this.text;
    const n = t.length;
    const { cls: classes, cp: cps, run: runs } = t;
    const tokLetter = this.tokLetter;
    const cells = a.cells;
    for (let k = j; k < n; k++) {
      const cls = classes[k] as number;
      if (cls === CharClass.LATIN || cls === CharClass.DIGIT) {
        const cp = cps[k] as number;
        const sym = cls === CharClass.LATIN ? cp - 0x61 : 26 + cp - 0x30;
        const run = runs[k] as number;
        for (let q = k === j ? r : 0; q < run; q++) {
          // Cell fields: [check, base << 1 | own output] (PackedTrie).
          const next = ((cells[state * 2 + 1] as number) >> 1) + sym;
          if (cells[next * 2] !== state) return;
          state = next;
          if (((cells[state * 2 + 1] as number) & 1) !== 0) this.recordOutputs(a, state, (tokLetter[k] as number) + q + 1, first, k);
        }
      } else if (cls === CharClass.HAN) {
        const syl = this.tokSyllable[k] as number;
        if (syl < 0 || syl >= trie.syllables) return;
        state = this.letterGoto(a, state, syl);
        if (state < 0) return;
        if (((cells[state * 2 + 1] as number) & 1) !== 0) this.recordOutputs(a, state, tokLetter[k + 1] as number, first, k);
      } else return;
    }
  }

  /** Letter-automaton state after a syllable's letters from `state` along trie edges only; -1 when they leave the trie. */
  private letterGoto(a: PackedTrie, state: number, syl: number): number {
    const cells = a.cells;
    const letters = this.syllableSyms[syl] as Uint8Array;
    for (let i = 0; i < letters.length; i++) {
      const next = ((cells[state * 2 + 1] as number) >> 1) + (letters[i] as number);
      if (cells[next * 2] !== state) return -1;
      state = next;
    }
    return state;
  }

  /** Note every pattern ending exactly at letter state `state` as a candidate ending at letter `end`. */
  private recordOutputs(a: PackedTrie, state: number, end: number, first: number, last: number): void {
    // A character-layer hit over the same tokens makes any pinyin hit there redundant (collect
    // drops it, and every later pinyin hit with that span too): no need to check it.
    const hits = this.hits;
    for (let h = 0; h < this.charHits; h++) if ((hits.from[h] as number) <= first && last <= (hits.to[h] as number)) return;
    const { outStart, outIds } = a;
    for (let o = outStart[state] as number; o < (outStart[state + 1] as number); o++) {
      const id = outIds[o] as number;
      this.candidates.push(id, end, end - (this.pyMeta[id * 4 + 1] as number), first, last);
    }
  }

  /**
   * For the run of latin letters holding token k: 1 at each offset up to which the run splits
   * into whole syllables (bit 1 of syllableSplits, in a scratch array of its own).
   */
  private syllablePrefixes(k: number): Uint8Array {
    const t = this.text;
    let first = k;
    while (first > 0 && t.cls[first - 1] === CharClass.LATIN) first--;
    const { letters, size } = unpackLatinRun(t, first, this.runLetters);
    this.runLetters = letters;
    if (this.runReach.length < size + 1) this.runReach = new Uint8Array(size * 2 + 1);
    const reach = this.runReach;
    reach.fill(0, 0, size + 1);
    reach[0] = 1;
    markSyllablePrefixes(letters, size, reach, this.syllableSpelling(), this.tables.maxSyllableLength);
    return reach;
  }

  /** The syllable spellings as a letter trie (rebuilt when the tables learn a syllable). */
  private syllableSpelling(): { next: Int32Array; ends: Uint8Array } {
    const set = this.tables.syllableSet;
    if (this.spelling && this.spellingSize === set.size) return this.spelling;
    let nodes = 1;
    for (const s of set) nodes += s.length;
    const next = new Int32Array(nodes * 26);
    const ends = new Uint8Array(nodes);
    let count = 1;
    for (const s of set) {
      // Interjections without a vowel (嗯 ng, 呣 m) are not how anyone types a word: "shang" is
      // no "sha" + "ng" (jintian wanshang ji dian shangke is no 暗杀).
      if (!/[aeiouv]/.test(s)) continue;
      let node = 0;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i) - 0x61;
        let child = next[node * 26 + c] as number;
        if (child === 0) next[node * 26 + c] = child = count++;
        node = child;
      }
      ends[node] = 1;
    }
    this.spelling = { next, ends };
    this.spellingSize = set.size;
    return this.spelling;
  }

  /** Letters and length of every syllable the tables know (they only grow). */
  private syncSyllables(): void {
    const all = this.tables.syllables;
    for (let i = this.syllableSyms.length; i < all.length; i++) this.syllableSyms.push(Uint8Array.from(all[i] as string, (ch) => ch.charCodeAt(0) - 0x61));
    this.syllableLength = Uint8Array.from(this.syllableSyms, (letters) => letters.length);
  }

  /** Boundary kind just before token k: soft between two latin letters (or two digits), else a hard boundary. */
  private boundBeforeToken(k: number): number {
    if (k <= 0 || k >= this.text.length) return B_YES;
    const c = this.text.cls[k] as number;
    return (c === CharClass.LATIN || c === CharClass.DIGIT) && this.text.cls[k - 1] === c ? B_SOFT : B_YES;
  }

  /** Check a sound-alike candidate: pinyin pattern `id` over letters [end - length, end), tokens firstTok..lastTok. */
  private checkPinyinHit(id: number, end: number, firstTok: number, lastTok: number): void {
    const pyMeta = this.pyMeta;
    const at0 = pyMeta[id * 4] as number;
    const m = pyMeta[id * 4 + 1] as number;
    const charPattern = pyMeta[id * 4 + 2] as number;
    // Letter x of the pattern: pyLetters[2x] its Han code point, pyLetters[2x + 1] & 0xff its boundary, >>> 8 its repeat count.
    const letters = this.pyLetters;
    const from = end - m;
    const t = this.text;
    const tokLetter = this.tokLetter;
    // Both ends on a token boundary, or inside a latin run where the rest spells whole syllables.
    const startOff = from - (tokLetter[firstTok] as number);
    const b0 = startOff === 0 ? this.boundBeforeToken(firstTok) : t.cls[firstTok] === CharClass.HAN ? B_NO : B_SOFT;
    if (b0 === B_NO || (b0 === B_SOFT && !this.latinBoundary(firstTok, from, 1))) return;
    const lastEnd = this.pinyinLength(lastTok);
    const b1 = end === lastEnd ? this.boundBeforeToken(lastTok + 1) : t.cls[lastTok] === CharClass.HAN ? B_NO : B_SOFT;
    if (b1 === B_NO || (b1 === B_SOFT && !this.latinBoundary(lastTok, end, 2))) return;
    const flags = this.patMeta[charPattern * 4 + 2] as number;
    const edges = flags & 0xff;
    if (edges !== 0 && !this.edgesFree(edges, firstTok, lastTok)) return;
    let han = 0;
    let exact = 0;
    let latin = 0;
    let swappedFirst = false;
    let swappedLast = false;
    let particles = 0;
    // The word's own last character, when the hit ends on a Han token.
    let lastWordChar = -1;
    // Bit k - firstTok: token k is a Han character not written as in the word.
    let swapped = 0;
    for (let k = firstTok; k <= lastTok; k++) {
      const j0 = (tokLetter[k] as number) - from;
      const cls = t.cls[k];
      if (cls === CharClass.HAN) {
        const len = (this.syllableSyms[this.tokSyllable[k] as number] as Uint8Array).length;
        // The syllable must line up with one syllable of the word, written in Han there too.
        if (j0 > 0 && ((letters[(at0 + j0) * 2 + 1] as number) & 0xff) === B_NO) return;
        if (j0 + len < m && ((letters[(at0 + j0 + len) * 2 + 1] as number) & 0xff) === B_NO) return;
        for (let j = j0 + 1; j < j0 + len; j++) if (((letters[(at0 + j) * 2 + 1] as number) & 0xff) === B_YES) return;
        const at = at0 + (j0 < 0 ? 0 : j0);
        const char = letters[at * 2] as number;
        if (char < 0) return;
        if ((t.run[k] as number) < (letters[at * 2 + 1] as number) >>> 8) return;
        han++;
        if (k === lastTok) lastWordChar = char;
        if (t.cp[k] === char) {
          exact++;
          if (k === lastTok && PARTICLE_CHAR[char] === 1) particles++;
        } else {
          if (k - firstTok < 31) swapped |= 1 << (k - firstTok);
          if (k === firstTok) swappedFirst = true;
          else if (k === lastTok) swappedLast = true;
        }
      } else {
        if (j0 > 0 && this.boundBeforeToken(k) === B_YES && ((letters[(at0 + j0) * 2 + 1] as number) & 0xff) === B_NO) return;
        if (cls === CharClass.LATIN) latin += Math.min(j0 + (t.run[k] as number), m) - Math.max(j0, 0);
      }
    }
    // Typed letters spelling an allowed word are still a disguise of it; Han sound-alikes are not.
    if (latin === 0 && (flags & ALSO_ALLOWED) !== 0) return;
    // A first character swapped that is a particle after a verb (了 of 拍了视频, heard as 聊视频), or a
    // last one that is an aspect particle ending its verb (过 of 卖过, heard as 卖国), is how the sentence is
    // built, not a disguise.
    if (swappedFirst && PARTICLE_CHAR[t.cp[firstTok] as number] === 1 && this.hanJoined(firstTok)) return;
    if (swappedLast && ASPECT_CHAR[t.cp[lastTok] as number] === 1 && PARTICLE_CHAR[lastWordChar] !== 1) return;
    // A last 把 or 比 with Han, letters or digits written on after it opens what follows: a 把-clause
    // (你把烘干过程拍出来, 你把app卸了, heard as 你爸) or a comparison (牦牛肉比卤的, heard as 肉壁). So does 要 ending a two-character hit:
    // what one must do (上网卖要注意, heard as 卖药); in a longer word it is the disguise (迷魂要这个价).
    if (swappedLast && lastTok + 1 < t.length && this.writtenOnAfter(lastTok + 1)) {
      const opens = OPENS_CLAUSE[t.cp[lastTok] as number] as number;
      if (opens === 1 || (opens === 2 && lastTok === firstTok + 1)) return;
    }
    if (swappedLast && lastTok === firstTok + 1 && this.verbAfterFunctionWord(firstTok)) return;
    // 不 ending a clause after a verb asks a yes-no question (跳广场舞不, heard as 五不).
    if (swappedFirst && lastTok === firstTok + 1 && t.cp[lastTok] === 0x4e0d && this.endsClause(lastTok)) return;
    if (swappedFirst && lastTok === firstTok + 1 && this.subjectThenVerb(firstTok)) return;
    // A last character asked with 不 / 没 and itself after it (发会不会坏, heard as 法会) is a question's verb.
    if (lastTok + 2 < t.length && NEGATION_CHAR[t.cp[lastTok + 1] as number] === 1 && t.cp[lastTok + 2] === t.cp[lastTok] && this.hanJoined(lastTok + 1) && this.hanJoined(lastTok + 2)) return;
    // A pronoun after a space opens the next clause (信号差 我先下了, heard as 插我), and one with a
    // particle after it is the object of the verb before it (就差你了, heard as 插你): grammar, not a disguise.
    if (swappedFirst && lastTok === firstTok + 1 && PRONOUN_CHAR[t.cp[lastTok] as number] === 1 && (this.spaceBetween(firstTok, lastTok) || (lastTok + 1 < t.length && PARTICLE_CHAR[t.cp[lastTok + 1] as number] === 1 && this.hanJoined(lastTok + 1)))) return;
    const standalone = b0 === B_YES && b1 === B_YES;
    if (!this.acceptPinyin(pyMeta[id * 4 + 3] as number, m, han, exact - particles, latin, standalone)) return;
    // Cheapest test first: only explainedByEverydayWords may call the word segmenter.
    if (exact < han && (this.crossesClause(firstTok, lastTok) || this.swapReadsAsWord(firstTok, lastTok, swappedFirst, swappedLast) || this.swapInsideWord(firstTok, lastTok, swapped) || this.explainedByEverydayWords(firstTok, lastTok))) return;
    // Sound-alike hits that survive the checks above act publicly: sending them all to review
    // cost 10 points of recall on the shared corpus (99.1% -> 89.1%) for 0.2% fewer false alarms.
    this.hits.push(charPattern, firstTok, lastTok, exact < han ? 2 : 1);
  }

  /**
   * Whether a two-character sound-alike hit whose second character is swapped in reads as grammar:
   * its first character is a function word and the second the word that follows it.
   * - 我 / 你 after 帮, 给, 让 … is the object of a favour and what follows is its verb (帮我剪视频, heard as 我奸);
   * - 我 / 你 … with a particle or a result (掉, 完, 好) after the second is a subject and its verb (我剪的视频, 我剪掉了);
   * - 再, 又, 先, 才 before a verb say when it is done (删了再建, heard as 再奸);
   * - 和, 跟, 与 between two words join them (干的和鲜的 is no 和弦);
   * - 把 before more text opens a 把-clause (把美颜开成大眼睛, heard as 把妹).
   */
  private verbAfterFunctionWord(first: number): boolean {
    const t = this.text;
    const c = t.cp[first] as number;
    // 人 after 被 / 让 / 叫 is whoever does what follows (被人打了, heard as 人大).
    if (c === 0x4eba) return first > 0 && this.hanJoined(first) && AGENT_BEFORE_CHAR[t.cp[first - 1] as number] === 1;
    // 把 before more text opens a 把-clause, its object after it (把美颜开成大眼睛, heard as 把妹).
    if (c === 0x628a) return first + 2 < t.length && this.writtenOnAfter(first + 2);
    if (PRONOUN_CHAR[c] === 1) {
      const favour = first > 0 && this.hanJoined(first) && FAVOUR_CHAR[t.cp[first - 1] as number] === 1;
      const after = first + 2 < t.length && this.hanJoined(first + 2) ? (t.cp[first + 2] as number) : 0;
      return favour || PARTICLE_CHAR[after] === 1 || COMPLEMENT_CHAR[after] === 1;
    }
    return (ADVERB_CHAR[c] === 1 || CONJUNCTION_CHAR[c] === 1) && this.hanJoined(first);
  }

  /**
   * Whether a two-character sound-alike hit whose first character is swapped in reads as grammar:
   * - a kinship word after a pronoun is who does what follows (我爸吃的药, heard as 罢吃);
   * - 没 / 不 between a word and itself asks a question (有毒没毒, heard as 梅毒);
   * - a word's last character before 比 and more text compares it (沃柑比砂糖橘贵, heard as 干比);
   * - 会 / 能 / 敢 after a word is what its subject can do (老师会教, heard as 回教);
   * - 把 before more text opens a 把-clause (把运单号填错了, heard as 罢运).
   */
  private subjectThenVerb(first: number): boolean {
    const t = this.text;
    const c = t.cp[first] as number;
    // 把 before more text opens a 把-clause, its object after it (把运单号填错了, heard as 罢运).
    if (c === 0x628a) return first + 2 < t.length && this.writtenOnAfter(first + 2);
    if (first === 0 || !this.hanJoined(first)) return false;
    const before = t.cp[first - 1] as number;
    if (t.cp[first + 1] === 0x6bd4 && first + 2 < t.length && this.writtenOnAfter(first + 2)) return true;
    if (KIN_CHAR[c] === 1) return PRONOUN_CHAR[before] === 1 || before === 0x54b1;
    if (MODAL_CHAR[c] === 1) return true;
    return NEGATION_CHAR[c] === 1 && before === t.cp[first + 1];
  }

  private pinyinLength(k: number): number {
    const t = this.text;
    const cls = t.cls[k];
    const start = this.tokLetter[k] as number;
    if (cls === CharClass.HAN) {
      const syl = this.tokSyllable[k] as number;
      return start + (syl >= 0 ? (this.syllableSyms[syl] as Uint8Array).length : 1);
    }
    return start + (cls === CharClass.LATIN || cls === CharClass.DIGIT ? (t.run[k] as number) : 1);
  }

  /**
   * Sound-alike hits need support: typed pinyin spelling at least two Han syllables of the
   * word, or at least one character written as in the word (独品 for 毒品 is caught,
   * 背景 for 北京 is not), or four Han syllables: three characters that all merely sound like
   * a word (理赔要 / 李沛瑶) are chance. A grammatical particle ending the hit is not counted
   * as written in the word (试了 / 湿了).
   */
  private acceptPinyin(wordHan: number, letters: number, han: number, exact: number, latin: number, standalone: boolean): boolean {
    if (han === 0) return wordHan >= 2 ? latin >= 4 : standalone && letters >= 3;
    if (exact === han && latin === 0) return true;
    return exact >= 1 || latin >= 2 || han >= 4;
  }

  /**
   * Whether clause punctuation stands between the characters of a hit over tokens [first, last].
   * A repeat folded into one token may span a clause mark itself (上不去，去他妈): only the last
   * unit of the first token and the first of the last count, unless the hit is that one token (鸡，鸡).
   */
  private splitByClause(first: number, last: number): boolean {
    const t = this.text;
    const from = first === last ? (t.start[first] as number) : (t.end[first] as number) - 1;
    const to = first === last ? (t.end[last] as number) : (t.start[last] as number) + 1;
    for (let i = from; i < to; i++) if (CLAUSE[this.input.charCodeAt(i)] === 1) return true;
    return false;
  }

  /** Whether the original text of tokens [first, last] contains clause punctuation (，。！？；). */
  private crossesClause(first: number, last: number): boolean {
    const end = this.text.end[last] as number;
    for (let i = this.text.start[first] as number; i < end; i++) if (CLAUSE[this.input.charCodeAt(i)] === 1) return true;
    return false;
  }

  /**
   * A sound-alike hit is ordinary speech when it is itself an everyday word (背景 for 北京), or
   * when it straddles words: where it touches other Chinese characters, a word segmentation of
   * them has no boundary at its edge (人知 begins inside 有人 of 有人/知道, so it is not 人质).
   * A disguise is written where a word goes; a sound-alike that cuts through words is chance.
   *
   * Segmentation (jieba, over the everyday dictionary) replaced an earlier test that rejected a
   * hit whenever any everyday word could be formed across one of its edges: on the development
   * corpus it catches 3 more of 3 360 dirty lines (99.20% against 99.11% recall; homophones
   * 97.9% against 97.1%) with the same 4 of 2 000 clean lines flagged, at about the same speed
   * (docs/moderation.md).
   */
  private explainedByEverydayWords(first: number, last: number): boolean {
    if (this.wordAt(first, last)) return true;
    if (!this.segmenter) return false;
    const joinedBefore = this.hanJoined(first);
    const joinedAfter = last + 1 < this.text.length && this.hanJoined(last + 1);
    return (joinedBefore && !this.startsWord(first)) || (joinedAfter && !this.startsWord(last + 1));
  }

  /**
   * A sound-alike hit whose swapped character (the one not written as in the word) at its edge
   * reads as ordinary speech with what lies beyond that edge: it forms an everyday word with the
   * next character outside the hit (查到 in 被查到 for 被插, 黑星 in 黑星病 for 性病), or it is a
   * sentence-final particle ending its clause (吗 in 变大吗 for 大麻). A disguise swaps a
   * character inside the word it hides; it does not lean on the neighbouring word.
   */
  private swapReadsAsWord(first: number, last: number, swappedFirst: boolean, swappedLast: boolean): boolean {
    const t = this.text;
    if (swappedFirst && this.hanJoined(first) && this.wordAt(first - 1, first)) return true;
    if (!swappedLast) return false;
    if (last + 1 < t.length && this.hanJoined(last + 1)) return this.wordAt(last, last + 1);
    return PARTICLE[t.cp[last] as number] === 1 && this.endsClause(last);
  }

  /**
   * A three-character sound-alike hit holding an everyday word that takes in a
   * swapped character (渔民 in 渔民证 for 愚民政, 讲台 in 讲台上, 兄弟 in 大兄弟): the writer wrote
   * that word, not a disguise. `swapped` has bit k - first set for each swapped token.
   */
  private swapInsideWord(first: number, last: number, swapped: number): boolean {
    if (last - first !== 2) return false;
    for (let i = first; i < last; i++) {
      for (let j = i + 1; j <= last && j - i <= 3; j++) {
        if (i === first && j === last) continue;
        const mask = ((1 << (j - i + 1)) - 1) << (i - first);
        if ((swapped & mask) !== 0 && this.wordAt(i, j)) return true;
      }
    }
    return false;
  }

  /** Whether token k is the last of its clause: the text ends, or clause punctuation or a space follows it. */
  private endsClause(k: number): boolean {
    const t = this.text;
    const end = t.end[k] as number;
    if (k + 1 >= t.length) return true;
    for (let i = end; i < (t.start[k + 1] as number); i++) {
      const c = this.input.charCodeAt(i);
      if (CLAUSE[c] === 1 || c === 0x20 || c === 0x3000 || c === 0x0a || c === 0x3002 || c === 0x2e) return true;
    }
    return false;
  }

  /** Whether Han token `at` is joined to the next one and a longer word begins at it (交 of 交城). */
  private beginsLongerWord(at: number): boolean {
    const t = this.text;
    return this.segmenter !== null && t.cls[at] === CharClass.HAN && at + 1 < t.length && t.cls[at + 1] === CharClass.HAN && this.hanJoined(at + 1) && !this.startsWord(at + 1);
  }

  /**
   * A two-character hit written in Han that word segmentation cuts through (出卖 in 突出/卖点,
   * 晶冰 in 单晶/冰糖) is most likely two neighbouring words: staff review it. One that lies inside
   * a single longer word (白粉 in 白粉病) is dropped by collect.
   */
  private straddlesWords(first: number, last: number): boolean {
    if (!this.segmenter || this.text.cls[first] !== CharClass.HAN || this.text.cls[last] !== CharClass.HAN || !this.hanJoined(last)) return false;
    return (this.hanJoined(first) && !this.startsWord(first)) || (last + 1 < this.text.length && this.hanJoined(last + 1) && !this.startsWord(last + 1));
  }

  /**
   * A two-character sound-alike is already one disguise; a second one makes it chance: the first
   * character an exclamation written apart at the start of the message (草 我的店铺), or inside a
   * longer word that began before it. (Other sound-alikes written apart, 杀 逼, are a disguise.)
   */
  private weakPinyinPair(input: string, id: number, from: number, to: number): boolean {
    const t = this.text;
    if (to - from !== 1 || t.cls[from] !== CharClass.HAN || t.cls[to] !== CharClass.HAN) return false;
    // An exclamation opening the message (草 我的店铺又被限流了) is a clause of its own; the next word is not its pair.
    if (!this.hanJoined(to)) return EXCLAMATIONS.has(input.charCodeAt(t.start[from] as number)) && onlySpaceBefore(input, t.start[from] as number);
    // 叫 naming something (店铺名子叫交城…): the verb of the name before it, not half of a word heard with the name.
    if ((t.cp[from] as number) === 0x53eb && to + 2 < t.length && this.hanJoined(to + 1) && this.hanJoined(to + 2) && NAME_BEFORE_CALLED.test(input.slice(Math.max(0, (t.start[from] as number) - 3), t.start[from])) && !CALLED_SEXUALLY.test(input)) return true;
    // A pronoun and a measure word with what befell the thing after them (把我件弄丢了: my parcel), in a message about no woman.
    if (POSSESSOR.has(t.cp[from] as number) && MEASURE.has(t.cp[to] as number) && THING_HANDLED.test(input.slice(t.end[to], (t.end[to] as number) + 2)) && !ABOUT_A_WOMAN.test(input)) return true;
    return this.segmenter !== null && this.hanJoined(from) && !this.startsWord(from);
  }

  /**
   * Two Han tokens written apart, the first ending a longer word: after a space the word before
   * it is complete (牦牛肉干 我进了点货); after a symbol, only when the second begins a longer word too.
   */
  private halvesAcrossGap(from: number, to: number): boolean {
    const t = this.text;
    if (!this.segmenter || t.cls[from] !== CharClass.HAN || t.cls[to] !== CharClass.HAN || this.hanJoined(to)) return false;
    if (!this.hanJoined(from) || this.startsWord(from)) return false;
    // A space parts two clauses; a symbol between them (买卖、淫, 有毒_药) is how a word is split to hide it.
    // A word spelt out with a space after each character (有毒 品 销 售) is a disguise, not two clauses.
    if (!(to + 1 < t.length && this.hanJoined(to + 1))) return false;
    if (/^\s+$/.test(this.input.slice(t.end[from], t.start[to]))) return true;
    return !this.startsWord(to + 1);
  }

  /**
   * A longer hit whose last character stands after a space and begins a word that goes on past
   * the hit (微信 号码 is no 微信号): the word before the space is complete, the rest is chance.
   */
  private tailAcrossGap(from: number, to: number): boolean {
    const t = this.text;
    if (!this.segmenter || to - from < 2 || t.cls[to] !== CharClass.HAN || t.cls[to - 1] !== CharClass.HAN || this.hanJoined(to) || t.start[to] === t.end[to - 1]) return false;
    if (!/\s/.test(this.input.slice(t.end[to - 1], t.start[to]))) return false;
    return to + 1 < t.length && this.hanJoined(to + 1) && !this.startsWord(to + 1) && this.hanJoined(to - 1) && this.startsWord(from);
  }

  /** Whether white space stands between tokens a and b in the original text. */
  private spaceBetween(a: number, b: number): boolean {
    const t = this.text;
    for (let i = t.end[a] as number; i < (t.start[b] as number); i++) {
      const c = this.input.charCodeAt(i);
      if (c === 0x20 || c === 0x3000 || c === 0x09) return true;
    }
    return false;
  }

  /** Whether token k (Han, a letter or a digit) follows Han token k - 1 with nothing between them. */
  private writtenOnAfter(k: number): boolean {
    const t = this.text;
    const cls = t.cls[k];
    return k > 0 && (cls === CharClass.HAN || cls === CharClass.LATIN || cls === CharClass.DIGIT) && t.cls[k - 1] === CharClass.HAN && t.start[k] === t.end[k - 1];
  }

  /** Whether token k is a Han character written right after another one (no gap, no symbol between). */
  private hanJoined(k: number): boolean {
    const t = this.text;
    return k > 0 && t.cls[k] === CharClass.HAN && t.cls[k - 1] === CharClass.HAN && t.start[k] === t.end[k - 1];
  }

  /**
   * Whether Han token k begins a word when its run of Han characters is segmented. A place no
   * everyday word spans is a word start without segmenting; otherwise the run is cut once per scan.
   */
  private startsWord(k: number): boolean {
    if (k < this.hanRunFrom || k > this.hanRunTo) this.readHanRun(k);
    if (this.hanRunCut) return this.wordStart[k] === 1;
    const segmenter = this.segmenter as WordSegmenter;
    if (segmenter.splitsAt && segmenter.splitsAt(this.hanRunUnits, this.hanRunLength, this.hanRunAt[k] as number)) return true;
    this.cutHanRun(segmenter);
    return this.wordStart[k] === 1;
  }

  /** The run of Han characters holding token k as the segmenter reads it (UTF-16 units), and where each token starts in it. */
  private readHanRun(k: number): void {
    const t = this.text;
    let from = k;
    while (this.hanJoined(from)) from--;
    let to = k;
    while (to + 1 < t.length && this.hanJoined(to + 1)) to++;
    if (this.wordStart.length < t.length) {
      this.wordStart = new Uint8Array(t.length * 2);
      this.hanRunAt = new Int32Array(t.length * 2);
    }
    // At most 4 copies of 2 units per token.
    if (this.hanRunUnits.length < (to - from + 1) * 8) this.hanRunUnits = new Uint16Array((to - from + 1) * 16);
    const units = this.hanRunUnits;
    // The folded characters, repeats written out (妈妈 is a word), so traditional text segments as simplified.
    let n = 0;
    for (let i = from; i <= to; i++) {
      this.hanRunAt[i] = n;
      const cp = t.cp[i] as number;
      const times = Math.min(t.run[i] as number, 4);
      for (let r = 0; r < times; r++) {
        if (cp < 0x10000) units[n++] = cp;
        else {
          units[n++] = 0xd800 + ((cp - 0x10000) >> 10);
          units[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
        }
      }
    }
    this.hanRunLength = n;
    this.hanRunFrom = from;
    this.hanRunTo = to;
    this.hanRunCut = false;
  }

  private cutHanRun(segmenter: WordSegmenter): void {
    const n = this.hanRunLength;
    let run = '';
    for (let i = 0; i < n; i += 2048) run += String.fromCharCode.apply(null, this.hanRunUnits.subarray(i, Math.min(i + 2048, n)) as unknown as number[]);
    const words = segmenter.cut(run);
    let total = 0;
    for (let w = 0; w < words.length; w++) total += (words[w] as string).length;
    const from = this.hanRunFrom;
    const to = this.hanRunTo;
    // A segmenter that did not give the text back says nothing: every token counts as a word start.
    if (total !== n) this.wordStart.fill(1, from, to + 1);
    else {
      // Word starts and token starts both ascend: one pass over each.
      let w = 0;
      let at = 0;
      for (let i = from; i <= to; i++) {
        const tokenAt = this.hanRunAt[i] as number;
        while (at < tokenAt && w < words.length) at += (words[w++] as string).length;
        this.wordStart[i] = at === tokenAt ? 1 : 0;
      }
    }
    this.hanRunCut = true;
  }

  /** Whether tokens [i, j] are Han characters written side by side that spell an everyday word (numeric key, no string built). */
  private wordAt(i: number, j: number): boolean {
    const t = this.text;
    if (j - i < 1 || j - i > 3) return false;
    let astral = false;
    for (let k = i; k <= j; k++) {
      if (t.cls[k] !== CharClass.HAN || (k > i && t.start[k] !== t.end[k - 1])) return false;
      if ((t.cp[k] as number) >= 0x10000) astral = true;
    }
    if (astral) {
      let word = '';
      for (let k = i; k <= j; k++) word += String.fromCodePoint(t.cp[k] as number);
      return this.commonWords.hasString(word);
    }
    const c = t.cp;
    return this.commonWords.has(c[i] as number, c[i + 1] as number, j - i >= 2 ? (c[i + 2] as number) : 0, j - i >= 3 ? (c[i + 3] as number) : 0);
  }

  /**
   * Whether a match may start (side 1) or end (side 2) at letter `pos` inside the latin run
   * holding token k: only when the part of the run left outside the match spells whole
   * pinyin syllables.
   */
  private latinBoundary(k: number, pos: number, side: number): boolean {
    const t = this.text;
    if (t.cls[k] !== CharClass.LATIN) return false;
    let runStart = k;
    while (runStart > 0 && t.cls[runStart - 1] === CharClass.LATIN) runStart--;
    if (this.segmentRunStart !== runStart) {
      this.syllableSplits(runStart);
      this.segmentRunStart = runStart;
    }
    // reach bit 1: the run up to here splits into syllables; bit 2: the rest of it does.
    return ((this.segmentReach[pos - (this.tokLetter[runStart] as number)] as number) & side) !== 0;
  }

  /**
   * Typed words of two letters or more parted by a space or punctuation (shua dan, dd wo): each
   * ends and starts a split of its own, so a word after it that spells no syllable (dd) does not
   * undo the split before it. Letters typed one by one (s e q i n g) keep the run's split.
   */
  private markTypedWords(first: number, reach: Uint8Array): void {
    const t = this.text;
    const base = this.tokLetter[first] as number;
    let prevGap = 0;
    let pending = -1;
    let k = first + 1;
    for (; k < t.length && t.cls[k] === CharClass.LATIN; k++) {
      if (t.start[k] === t.end[k - 1]) continue;
      const at = (this.tokLetter[k] as number) - base;
      if (pending >= 0 && at - pending >= 2) reach[pending] = (reach[pending] as number) | 3;
      pending = at - prevGap >= 2 ? at : -1;
      prevGap = at;
    }
    if (pending >= 0 && (this.tokLetter[k] as number) - base - pending >= 2) reach[pending] = (reach[pending] as number) | 3;
  }

  /**
   * segmentReach for the run of latin letters starting at token `first`: at each offset, bit 1
   * when the letters before it split into whole syllables, bit 2 when the letters after it do.
   */
  private syllableSplits(first: number): void {
    const spelling = this.syllableSpelling();
    const { next, ends } = spelling;
    const maxLen = this.tables.maxSyllableLength;
    const { letters, size } = unpackLatinRun(this.text, first, this.splitLetters);
    this.splitLetters = letters;
    if (this.segmentReach.length < size + 1) this.segmentReach = new Uint8Array(size * 2 + 1);
    const reach = this.segmentReach;
    reach.fill(0, 0, size + 1);
    reach[0] = 1;
    markSyllablePrefixes(letters, size, reach, spelling, maxLen);
    reach[size] = (reach[size] as number) | 2;
    this.markTypedWords(first, reach);
    for (let i = size - 1; i >= 0; i--) {
      let node = 0;
      for (let l = 1; l <= maxLen && i + l <= size; l++) {
        node = next[node * 26 + (letters[i + l - 1] as number)] as number;
        if (node === 0) break;
        if (ends[node] === 1 && ((reach[i + l] as number) & 2) !== 0) {
          reach[i] = (reach[i] as number) | 2;
          break;
        }
      }
    }
  }

  private collect(input: string): ScanMatch[] {
    const matches: ScanMatch[] = [];
    const hits = this.hits;
    const count = hits.count;
    const t = this.text;
    for (let h = 0; h < count; h++) {
      const id = hits.pattern[h] as number;
      const from = hits.from[h] as number;
      const to = hits.to[h] as number;
      const layerCode = hits.layer[h] as number;
      const kind = ((this.patMeta[id * 4 + 2] as number) >>> 8) & 0xff;
      if (kind === KIND_BROAD && layerCode !== 0) continue;
      if (this.allowed(from, to)) continue;
      if (layerCode !== 0 && (this.redundantPinyinHit(h, id, from, to) || this.weakPinyinPair(input, id, from, to))) continue;
      const start = t.start[from] as number;
      const end = t.end[to] as number;
      const word = this.patWord[id] as string;
      if (sameMatch(matches, word, start, end)) continue;
      const categoryIndex = this.patMeta[id * 4 + 3] as number;
      if (signedName(input, start, end, layerCode !== 0)) continue;
      if (this.prohibitiveContext && negatedByContext(input, start, end, this.categoryNames[categoryIndex])) continue;
      // A listed Latin word that is one pinyin syllable, in a line typed wholly in pinyin (zhe ge zen me cao zuo a,
      // lao shi cao mei…): one sound among the others, which the pinyin layer reads with its neighbours (操作, 草莓; 操你妈 stays).
      if (layerCode === 0 && this.tables.syllableSet.has(word.toLowerCase()) && this.hanTokens() === 0 && this.typedInPinyin(input) && this.spokenWithNext(input, start, end) && !this.soundedCurseAt(from)) continue;
      // A curse heard in a three-character name (山海情里马得福太像…: 马得 for 马的): the surname written, the rest sounded.
      if (layerCode !== 0 && categoryIndex === this.insultCategory && soundedInName(input, start, end, word)) continue;
      // A 色情 word that is a film's or a book's title (看了《色戒》才知道…), in a message that offers nothing.
      if (layerCode === 0 && categoryIndex === this.sexCategory && insideTitle(input, start, end)) continue;
      if (layerCode === 0 && (this.echoesAllowed(from, to) || mentioned(input, start, end, this.patWord[id] as string) || (categoryIndex === this.sexCategory && ((afterFarmAnimal(input, start) && !PERSON_NEAR_STOCK.test(input)) || stockTalk(input) || breedingTalk(input) || nicknamed(input, start, end))) || (kind === KIND_BROAD && breedingTalk(input)))) continue;
      // Two characters across a space or a symbol, each part of a longer word on its side (老年人 大家 is no 人大).
      if (layerCode === 0 && (to - from === 1 ? this.halvesAcrossGap(from, to) : this.tailAcrossGap(from, to))) continue;
      // A doubled character across a space, the first ending a word (果园里养鸡 鸡会不会…): two words, not 鸡鸡.
      if (layerCode === 0 && from === to && from > 0 && /\s/.test(input.slice(start, end)) && this.hanJoined(from) && this.wordAt(from - 1, from) && !DOUBLED_AT_SOMEONE.test(input)) continue;
      // A word read across clause punctuation (肉干，我表哥 is no 干我; 找鸡，鸡跑了 no 鸡鸡) is two clauses' chance.
      if (layerCode === 0 && this.splitByClause(from, to)) continue;
      // Two characters that are the ends of two words: a word before them and a numeral counting what follows (死机八回: 死机 八回, no 机八).
      if (layerCode === 0 && end - start === 2 && countedAfterWord(input, start, end)) continue;
      const straddles = layerCode === 0 && to - from === 1 && this.straddlesWords(from, to);
      // Both characters inside one longer word (白粉 in 白粉病): a part of that word, not the hit.
      if (straddles && !this.startsWord(to)) continue;
      // An uncategorised or broad word cut by segmentation (鸡店 in 大盘鸡/店) is no more than chance.
      if (straddles && kind === KIND_BROAD) continue;
      // Its first character ends a longer word and its second begins one (肉香 in 腊肉/香肠): two words' halves.
      if (straddles && this.hanJoined(from) && !this.startsWord(from) && to + 1 < t.length && this.hanJoined(to + 1) && !this.startsWord(to + 1)) continue;
      const layer: MatchLayer = layerCode !== 0 ? 'pinyin' : end - start === word.length && input.startsWith(word, start) ? 'exact' : 'normalised';
      // Syllables typed in pinyin that pair with their neighbours into everyday words (wo jia ji dan: 我家 鸡蛋 rather than 甲基), in a line
      // that offers nothing, talks to no one and calls for nothing: staff decide (you bing du huo le, ni ge da sha bi stay public).
      const pinyinHalves =
        layerCode !== 0 && categoryIndex !== this.insultCategory && categoryIndex !== this.sexCategory && t.cls[from] === CharClass.LATIN && this.hanTokens() === 0 && !HALVES_OFFER.test(input) && (categoryIndex !== this.politicsCategory || !HALVES_CALL.test(input)) && this.pinyinHalves(input, start, end);
      // A leader's name heard in a classmate's name (我们组的胡金涛同学): staff decide.
      const soundedMember = layerCode !== 0 && categoryIndex === this.politicsCategory && memberNamed(input, start, end);
      // A short word heard in a line typed wholly in pinyin that talks to the class (wo bu hui da zi: 打字, not 鞑子; wo da ma:
      // 我大妈, not 大麻) has many readings: staff decide. Slogans (no chat) and offers typed in pinyin (shua dan fan li, dd wo) stay public.
      const typedSounds = layerCode !== 0 && word.length <= 3 && this.hanTokens() === 0 && PINYIN_CHAT.test(input) && !PINYIN_OFFER.test(input) && (categoryIndex !== this.politicsCategory || (word.length <= 2 && !PINYIN_CALL.test(input)));
      // A short political sound-alike in a message that prices produce (老姜和仔姜分开卖，仔姜八块一斤) is most likely the produce.
      const pricedSound = layerCode !== 0 && categoryIndex === this.politicsCategory && word.length <= 3 && pricedRightAfter(input, start, end);
      // A classmate offering their own produce to the class (要买我家土蜂蜜的可以加我微信 我是学员老周): staff decide whether the group allows it.
      const ownProduce = layerCode === 0 && categoryIndex === this.adsCategory && ownProduceOffered(input);
      // A kind of business asked about (村里开那种加盟连锁的超市好不好), with nothing offered: staff decide.
      const askedAbout = layerCode === 0 && categoryIndex === this.adsCategory && ASKED_ABOUT.test(input) && !AD_OFFERED.test(input);
      // A sound-alike whose second character begins a longer word (名子叫交城: 叫 交城, no 脚交): staff decide.
      const soundAcross = layerCode !== 0 && to - from === 1 && this.beginsLongerWord(to);
      const reason =
        kind === KIND_BROAD
          ? (this.broadReasons[categoryIndex] as string)
          : straddles
            ? 'cuts through two words'
            : typedSounds
              ? 'a short word heard in a line typed in pinyin'
              : pinyinHalves
                ? 'heard across two everyday words typed in pinyin'
                : soundedMember
                  ? "sounds like a classmate's name"
                  : pricedSound
                ? 'a sound-alike in a message that prices produce'
                : ownProduce
                  ? "a classmate's own produce offered"
                  : askedAbout
                    ? 'asked about, nothing offered'
                    : soundAcross
                      ? 'a sound-alike across two words'
                      : undefined;
      const match: ScanMatch = { word, category: this.categoryNames[categoryIndex] as string, start, end, layer, tier: reason ? 'review' : 'public' };
      if (reason) match.reason = reason;
      if (kind === KIND_BROAD) {
        this.broadHits.push(match);
        this.broadSpans.push(id, from, to, 0);
      }
      matches.push(match);
    }
    return matches;
  }

  /**
   * A 违法犯罪/未分类 word that is itself an everyday word or cuts through words (证书, 身份证,
   * 中奖, 诈骗, 书记; 鸡店 in 炸鸡/店) is ordinary speech when nothing else backs it: such hits
   * only reach staff when the message has another hit of any kind, or a second such word over a
   * span of its own. Any other 违法犯罪/未分类 word still goes to review on its own. On the
   * real-chat tune lines lone everyday ones were 11 of 14 review notes. `matches` is sorted by start.
   * Whether a hit is ordinary speech may take the word segmenter, so it is asked hit by hit and
   * only until a hit that backs the others turns up.
   */
  private dropLoneBroadHits(matches: ScanMatch[]): void {
    const spans = this.broadSpans;
    let separate = 0;
    let reach = -1;
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i] as ScanMatch;
      const b = this.broadHits.indexOf(m);
      if (b < 0 || !this.explainedByEverydayWords(spans.from[b] as number, spans.to[b] as number)) return;
      if (m.start >= reach) separate++;
      reach = Math.max(reach, m.end);
    }
    if (separate < 2) matches.length = 0;
  }

  /**
   * Why a hit of a 违法犯罪/未分类 word goes to staff instead of the group. Such words always go
   * to review: the lists hold many harmless ones (证书, 身份证, 中奖), and acting publicly on
   * 违法犯罪 words of three or more characters, as before, adds no recall on the shared corpus
   * but 0.8 / 2.5 points of public false alarms on the real-chat tune / holdout lines.
   */
  private broadReviewReason(category: string): string {
    return category === '未分类' ? 'uncategorised word' : `broad category (${category})`;
  }

  /**
   * A pinyin hit adds nothing when a character-layer hit of the same word overlaps it, a
   * character-layer hit covers its span, or an earlier pinyin hit has the same span
   * (加 微 信 is 加微信, not also 加威信 and 加薇信).
   */
  private redundantPinyinHit(index: number, id: number, from: number, to: number): boolean {
    const hits = this.hits;
    for (let h = 0; h < hits.count; h++) {
      const hf = hits.from[h] as number;
      const ht = hits.to[h] as number;
      if (hits.layer[h] === 0) {
        if (hits.pattern[h] === id ? hf <= to && ht >= from : hf <= from && to <= ht) return true;
      } else if (h < index && hf === from && ht === to) return true;
    }
    return false;
  }


  /** A hit inside an allowed word, or cut by one (底裤 in 打底裤, 东突 in 广东突然), is ordinary speech. */
  /**
   * Whether the hit's tokens are written again inside an allowed word of the same message
   * (一层白粉 after 白粉病, 发冰袋…加冰): the message names that thing, not the listed word.
   */
  private echoesAllowed(from: number, to: number): boolean {
    const allows = this.allows;
    const cp = this.text.cp;
    const n = to - from + 1;
    for (let i = 0; i < allows.count; i++) {
      const a1 = allows.from[i] as number;
      const a2 = allows.to[i] as number;
      if (a2 - a1 + 1 <= n) continue;
      for (let s = a1; s + n - 1 <= a2; s++) {
        let k = 0;
        while (k < n && cp[s + k] === cp[from + k]) k++;
        if (k === n) return true;
      }
    }
    return false;
  }

  private allowed(from: number, to: number): boolean {
    const allows = this.allows;
    for (let i = 0; i < allows.count; i++) {
      const a1 = allows.from[i] as number;
      const a2 = allows.to[i] as number;
      if (a1 <= from && to <= a2) return true;
      if (a1 < from && from <= a2) return true;
      if (a1 <= to && to < a2) return true;
    }
    return false;
  }
}

/** Growable list of (pattern, first token, last token, layer) spans in typed arrays. */
class SpanList {
  count = 0;
  pattern = new Int32Array(16);
  from = new Int32Array(16);
  to = new Int32Array(16);
  layer = new Uint8Array(16);

  push(pattern: number, from: number, to: number, layer: number): void {
    if (this.count === this.pattern.length) {
      const size = this.count * 2;
      const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      this.pattern = grow(this.pattern, new Int32Array(size));
      this.from = grow(this.from, new Int32Array(size));
      this.to = grow(this.to, new Int32Array(size));
      this.layer = grow(this.layer, new Uint8Array(size));
    }
    const i = this.count++;
    this.pattern[i] = pattern;
    this.from[i] = from;
    this.to[i] = to;
    this.layer[i] = layer;
  }
}

/** Sound-alike candidates of one scan (pattern, end letter, start letter, first and last token), and the order to check them in. */
class CandidateList {
  count = 0;
  pattern = new Int32Array(16);
  end = new Int32Array(16);
  from = new Int32Array(16);
  first = new Int32Array(16);
  last = new Int32Array(16);
  order = new Int32Array(16);

  push(pattern: number, end: number, from: number, first: number, last: number): void {
    if (this.count === this.pattern.length) {
      const size = this.count * 2;
      const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(size);
        b.set(a);
        return b;
      };
      this.pattern = grow(this.pattern);
      this.end = grow(this.end);
      this.from = grow(this.from);
      this.first = grow(this.first);
      this.last = grow(this.last);
      this.order = new Int32Array(size);
    }
    const i = this.count++;
    this.pattern[i] = pattern;
    this.end[i] = end;
    this.from[i] = from;
    this.first[i] = first;
    this.last[i] = last;
  }

  /**
   * `order` = candidates by end letter, then longer first (earlier start), then as found: the
   * order an Aho–Corasick pass reports them in (at each end the state's own patterns, then its
   * suffixes'). Insertion sort: a message has a handful.
   */
  sortByEnd(): void {
    const { order, end, from } = this;
    for (let i = 0; i < this.count; i++) {
      let j = i;
      const e = end[i] as number;
      const f = from[i] as number;
      while (j > 0) {
        const o = order[j - 1] as number;
        const eo = end[o] as number;
        if (eo < e || (eo === e && (from[o] as number) <= f)) break;
        order[j] = o;
        j--;
      }
      order[j] = i;
    }
  }
}

// Status of a BMP code unit in unitTable: a token, dropped, or folded the general way.
/**
 * Farm animals: a 色情 word written after one in the same clause (母猪发情, 兔子交配, 母猪配种最好是
 * 发情第二天) is livestock talk. 1: the animal may stand up to FARM_REACH characters before the
 * word; 2 (鸡 and 鸭, also slang for sex workers; 牛 马 狗 猫, also in 天猫, 马上, 牛逼): only right before it.
 */
const FARM_ANIMAL = new Uint8Array(0x10000);
for (const c of '猪羊鹅兔驴骡驼鹿蜂鱼蚕鸽') FARM_ANIMAL[c.charCodeAt(0)] = 1;
for (const c of '鸡鸭牛马狗猫') FARM_ANIMAL[c.charCodeAt(0)] = 2;
const FARM_REACH = 8;
const JOKING = /^[^，。！？]{0,2}(?:哈哈|嘿嘿|😂|🤣|😄|😆)/u;
// Breeding and raising stock: 配种 and 出栏 make 做鸡 / 公鸡 … farm talk (我们家就是做鸡的，一年出栏两万只).
const BREEDING = /授精|配种|兽医|出栏|存栏|鸡苗|鸭苗|孵化|蛋鸡|肉鸡|土鸡|养殖场|采精|种公猪/;

/**
 * Whether the hit is an @mention (@李建国): a member's name, which the platform shows as written.
 * Only a word written exactly as listed counts: one spaced out with signs (@娱#乐#城) is a disguise.
 */
function mentioned(input: string, start: number, end: number, word: string): boolean {
  const c = start > 0 ? input.charCodeAt(start - 1) : 0;
  return (c === 0x40 || c === 0xff20) && end - start === word.length && input.startsWith(word, start);
}

// A sign-in with the member's name (签到，陈建国 / 补签 梁大壮): the name is who signs, whatever it sounds like.
const SIGNED_NAME = /^\s*(?:签到|签道|qiandao|补签|打卡|请假|交作业|提交作业|到)(?:[\s,，:：、+＋\-—。.…\p{Extended_Pictographic}\p{Emoji_Modifier}]|\u200d|\ufe0f)*(?:第?[一二三四五六七八九十0-9]+(?:组|班)[\s,，:：、+＋\-—。.…]*)?(?![你他她我])([\u4e00-\u9fff]{2,4})(?=$|[\s,，。.:：、!！+＋\-—（(])/u;

// A line typed in pinyin that talks to the class or the teacher (wo bu hui…, laoshi…, keyi ma): chat, not a slogan.
const PINYIN_CHAT = /\b(?:wo(?! ?men)|laoshi|lao shi|keyi|ke yi|nihao|ni hao|xiexie|xie xie|shouji|shou ji|shang ke|zuo ye|qian dao|qing jia)\b|\bshi bu shi\b|\bbu (?:hui|hao)\b/i;
// …and one that calls people out (qu, yi qi, da jia, zhuan fa): a slogan typed in pinyin.
const HALVES_CALL = /\b(?:yi ?qi|zhuan ?fa|guang ?chang|bu ?neng ?wang)\b/i;
const HALVES_OFFER = /\b(?:you|lai|yao|huo|ni|nin|ta|jia ?wo|si ?liao|shang ?fen|qian|kuai|yuan|dd|vx|wx|v|qq)\b|[0-9]/i;
const PINYIN_CALL = /\b(?:qu|yi ?qi|da ?jia|zhuan ?fa|guang ?chang|ming ?tian|bu ?neng ?wang)\b/i;
// …and one that offers, has, pays, asks for a contact or goes at someone (wo you…, dd wo, fan li, ni shi…): not chat.
const PINYIN_OFFER = /\b(?:dd|vx|v|qq|jia ?(?:wo|v|vx|wx|qq|wei)|wei ?xin|wx|si ?liao|si ?wo|fan ?li|zhuan|qian(?! ?dao)|yuan|kuai|dai ?ni|mai|lai ?wan|lai bu lai|yue|you|yao(?! ?qing ?jia)|gei ni|fa huo|zhao wo|ni(?! ?hao)|nin|sha|si|pei|shui)\b|[0-9]/i;

/**
 * Whether [start, end) lies inside the name a sign-in message opens with, or a name given as one
 * (本人李建国, a 名单 of names). A sound-alike hit (`sounded`) may also reach into the 到 after a
 * three-character name that answers a roll call (黄小军到, heard as 军刀).
 */
function signedName(input: string, start: number, end: number, sounded = false): boolean {
  const names = messageNames(input);
  // A roll call's names open with a common surname (签到：王芳、贱人、刘强 names two people and calls one a name).
  if (end - start <= 3 && names.roll() && !/[\s,，、]/.test(input.slice(start, end)) && isSurname(input.charCodeAt(hanRunStart(input, start)))) return true;
  if (end - start <= 3 && namedWithTitle(names.titled(), start, end, sounded)) return true;
  if (start <= 12) {
    if (sounded) {
      const arrived = names.arrived();
      if (arrived >= 0 && end <= arrived) return true;
      // A whole message that is a name and a place, with a number or 到了 (白俊峰 北岭村 1029, 邓小萍 西关 到了): a roll line.
      const line = ROLL_LINE.exec(input);
      if (line && end <= (line[1] as string).length + line.index + (line[0].length - line[0].trimStart().length) && isSurname(input.charCodeAt(input.length - input.trimStart().length))) return true;
    }
    const signed = names.signed();
    if (signed && start >= signed[0] && end <= signed[1] && isSurname(input.charCodeAt(signed[0]))) return true;
    const called = names.called();
    if (called >= 0 && start >= called - 3 && end <= called) return true;
    const then = names.thenSignin();
    if (then && start >= then[0] && end <= then[1]) return true;
  }
  return namedPerson(input, start, end);
}

/**
 * The message-wide name patterns of signedName, each run at most once per message however many
 * hits ask (they depend on the message alone). Spans are [from, to) in the message.
 */
class MessageNames {
  input = '';
  private rollOf: boolean | undefined;
  private titledOf: Int32Array | undefined;
  private arrivedOf: number | undefined;
  private signedOf: [number, number] | null | undefined;
  private calledOf: number | undefined;
  private thenOf: [number, number] | null | undefined;

  reset(input: string): void {
    this.input = input;
    this.rollOf = this.titledOf = this.arrivedOf = this.signedOf = this.calledOf = this.thenOf = undefined;
  }

  /** A roll of names and nothing else (SIGNED_ROLL). */
  roll(): boolean {
    return (this.rollOf ??= SIGNED_ROLL.test(this.input));
  }

  /** Every name before a title (NAME_TITLE), as (match start, end of the name, name length) triples. */
  titled(): Int32Array {
    if (this.titledOf) return this.titledOf;
    const found: number[] = [];
    // Every match has one of the titles right after it: a message without one has no such name.
    if (!TITLE_GATE.admits(this.input, 0, this.input.length)) return (this.titledOf = NO_TITLED);
    NAME_TITLE.lastIndex = 0;
    for (let m = NAME_TITLE.exec(this.input); m; m = NAME_TITLE.exec(this.input)) found.push(m.index, m.index + m[0].length, (m[1] as string).length);
    return (this.titledOf = Int32Array.from(found));
  }

  /** The end of a roll-call answer opening the message (NAME_ARRIVED), -1 if none. */
  arrived(): number {
    return (this.arrivedOf ??= NAME_ARRIVED.exec(this.input)?.[0].length ?? -1);
  }

  /** The name after an opening 签到 (SIGNED_NAME). */
  signed(): [number, number] | null {
    if (this.signedOf === undefined) {
      const m = SIGNED_NAME.exec(this.input);
      this.signedOf = m ? [m[0].length - (m[1] as string).length, m[0].length] : null;
    }
    return this.signedOf;
  }

  /** The end of a name called at the start (NAME_CALLED), -1 if none. */
  called(): number {
    return (this.calledOf ??= NAME_CALLED.exec(this.input)?.[0].length ?? -1);
  }

  /** The name before 签到 or 请假 (NAME_THEN_SIGNIN). */
  thenSignin(): [number, number] | null {
    if (this.thenOf === undefined) {
      const b = NAME_THEN_SIGNIN.exec(this.input);
      if (b) {
        const name = b[1] as string;
        const to = name.length + b[0].indexOf(name);
        this.thenOf = [to - name.length, to];
      } else this.thenOf = null;
    }
    return this.thenOf;
  }
}

const MESSAGE_NAMES = new MessageNames();

function messageNames(input: string): MessageNames {
  if (MESSAGE_NAMES.input !== input) MESSAGE_NAMES.reset(input);
  return MESSAGE_NAMES;
}

// The name before the word: 郑国庆签到, 老师好 王秀英已签到, 李鹏飞 签到, 王丹丹今天请假, 3组李建国签到.
const NAME_THEN_SIGNIN = /^\s*(?:(?:老师|大家|各位)好[\s,，!！。]*)?(?:第?[0-9一二三四五六七八九十]+(?:组|班)[\s,，:：、]*)?([\u4e00-\u9fff]{2,3})(?=(?:\s?(?:今天|明天|上午|下午)?已?(?:签到|打卡|报到|请假|交作业|作业已交|已交作业)|\s到)(?:$|[\s,，。.!！（(]))/;
// A three-character name before a title, or a two-character one before 大哥 / 阿姨 …, opening the message or a clause (马德胜书记今天也来了, 王建军老师, 杜品大哥).
const NAME_TITLE = /(?:^|[\s,，。.!！:：、@]|谢谢|感谢|请|问问?|找|叫|跟|和)([\u4e00-\u9fff]{3}(?=书记|主任|村长|支书|镇长|乡长|县长|站长|经理|会计|师傅|老师|校长|科长|局长|大姐|大哥|大叔|大婶|阿姨|同学)|[\u4e00-\u9fff]{2}(?=大哥|大姐|大叔|大爷|大妈|大娘|阿姨|嫂子|老哥))/g;
/** The titles NAME_TITLE looks ahead for (its `(?=…)` groups): a match of it implies one of them in the message. */
const TITLE_LOOKAHEADS = [...NAME_TITLE.source.matchAll(/\(\?=([^()]*)\)/g)].map((m) => m[1] as string);
// A lookahead holding a group of its own would be missed above, and the gate would turn away its titles.
if (TITLE_LOOKAHEADS.length !== NAME_TITLE.source.split('(?=').length - 1) throw new Error('NAME_TITLE: a title lookahead holds a group; TITLE_GATE cannot read it');
const TITLE_GATE = new FactorGate(new RegExp(TITLE_LOOKAHEADS.join('|')));
const NO_TITLED = new Int32Array(0);

/** Whether [start, end) lies inside a name written before its title (`titled`: MessageNames.titled). */
function namedWithTitle(titled: Int32Array, start: number, end: number, sounded: boolean): boolean {
  for (let i = 0; i < titled.length; i += 3) {
    const to = titled[i + 1] as number;
    const name = titled[i + 2] as number;
    // A word written exactly is a name only when it opens a longer name (李鹏 of 李鹏飞同学): 李鹏老师 may mean the man.
    if (start >= to - name && end <= to && (sounded || (start === to - name && end - start < name))) return true;
    if ((titled[i] as number) > end) return false;
  }
  return false;
}

// A three-character name called at the start of a message (李鹏飞在吗, 王法轮，你的快递到了).
const NAME_CALLED = /^\s*@?[\u4e00-\u9fff]{3}(?=在吗|在不在|[，,\s]?你的|[，,\s]?你(?:家|那))/;
// A roll call answered: a three-character name and 到 or 来了, after a greeting or a group number, then nothing or the next clause (胡春花到, 黄小军到 网卡得很, 5组 赵小军 到).
const ROLL_LINE = /^\s*([\u4e00-\u9fff]{3})[\s,，]+[\u4e00-\u9fff]{1,5}[\s,，]+(?:[0-9]{1,5}|到了?|来了|签到)\s*$/;
const NAME_ARRIVED = /^\s*(?:(?:老师|大家|各位)好[\s,，!！。]*)?(?:第?[0-9一二三四五六七八九十]+(?:组|班)[\s,，:：、]*)?[\u4e00-\u9fff]{3}\s?(?:到|来了)(?=$|[\s,，。.!！])/;
// A roll of names and nothing else, with 签到 or 打卡 first or last (签到 毛泽亮 李鹏飞 习小燕, 刘小平 邓建国 签到).
const SIGNED_ROLL = /^\s*(?:(?:签到|打卡)[\s,，:：、]+(?:[\u4e00-\u9fff]{2,3}(?:[\s,，、]+|\s*$))+|(?:[\u4e00-\u9fff]{2,3}[\s,，、]+)+(?:签到|打卡)\s*)$/;

const HAN_CHAR = /\p{Script=Han}/u;
// Right before a name: 本人 (a leave note's 本人李建国), 姓名, 我叫.
const NAME_CUE = /(?:本人|姓名[:：]?|我叫|(?:学员|同学|名字|他|她|猫|狗)叫|大名叫|名叫|地名叫|它叫|村叫)["“「']?$|叫["“「']$/;
// Between the names of a list: 、 and the punctuation that closes it.
const LIST_EDGE = /[、，,：:；;…。\s]/;

// How far back a 名单 heading may stand from one of its names.
const NAME_LIST_REACH = 200;
const ROLL_HEADING = /(?:交作业|交了作业|签到|打卡|请假|缺勤|未交|没交|出勤|到了|点名)的?(?:同学|学员|人|名单)?[:：]/;
const NAME_COUNT = /^[^，。！？；,.!?;\n]{0,12}?[两二三四五六七八九十几0-9]位/;
const NAME_COUNT_REACH = 16;

// Right before a nickname (大家叫他伟哥, 外号叫): a brother-name (…哥) the list files as sexual; other words the list files so (骚货, 小姐) are insults used as nicknames.
const NICKNAME_CUE = /(?:大家|都|人家|村里人?|我们|外号|小名|绰号)叫(?:他|她|它)?["“「']?$/;

/** Whether [start, end), at most three characters ending in 哥 and closing its clause, is the nickname people call someone by. */
function nicknamed(input: string, start: number, end: number): boolean {
  return end - start <= 3 && input.charCodeAt(end - 1) === 0x54e5 && !HAN_CHAR.test(input[end] ?? '') && NICKNAME_CUE.test(input.slice(Math.max(0, start - 6), start));
}

/** Whether [start, end) lies inside a 2–3 character name: after 本人 / 姓名, or an item of a 名单 written with 、. */
function namedPerson(input: string, start: number, end: number): boolean {
  if (NAME_CUE.test(input.slice(Math.max(0, start - 3), start))) return end - start <= 3;
  if (end - start > 3) return false;
  // The run of Han characters around the hit, looked at no further than a name can reach.
  let from = start;
  while (from > 0 && start - from < 3 && HAN_CHAR.test(input[from - 1] as string)) from--;
  let to = end;
  while (to < input.length && to - from < 4 && HAN_CHAR.test(input[to] as string)) to++;
  if (to - from < 2 || to - from > 3) return false;
  const before = input[from - 1] ?? '';
  const after = input[to] ?? '';
  // An item of a numbered list (接龙：1.王秀英 2. 李建国).
  let dot = from - 1;
  while (dot > 0 && input[dot] === ' ') dot--;
  const numbered = (input[dot] === '.' || input[dot] === '．') && /[0-9]/.test(input[dot - 1] ?? '');
  if (!((before === '' || LIST_EDGE.test(before) || numbered) && (after === '' || LIST_EDGE.test(after)))) return false;
  // Names in a row with a count after them: 请张桂兰 李建国 魏桂芝三位学员联系我.
  if ((before !== '' || after !== '') && NAME_COUNT.test(input.slice(to, to + NAME_COUNT_REACH))) return true;
  // Names in a row after a roll's heading (今天交作业的同学：李芳 张磊 王翠花 刘军).
  if ((before === ' ' || before === '、' || before === '：' || before === ':') && isSurname(input.charCodeAt(from)) && rollBefore(input, from)) return true;
  if (before !== '、' && after !== '、' && !numbered) return false;
  const heading = Math.max(input.lastIndexOf('名单', from), input.lastIndexOf('接龙', from));
  return heading >= 0 && from - heading <= NAME_LIST_REACH;
}

/** Where the run of Han characters holding `at` begins. */
function hanRunStart(input: string, at: number): number {
  let from = at;
  while (from > 0 && HAN_CHAR.test(input[from - 1] as string)) from--;
  return from;
}

/** Whether the text before `from` is a roll's heading and nothing but names after it (交作业的同学：李芳 张磊 …). */
function rollBefore(input: string, from: number): boolean {
  const window = input.slice(Math.max(0, from - NAME_LIST_REACH), from);
  let last: RegExpExecArray | null = null;
  for (const m of window.matchAll(ROLL_HEADINGS)) last = m;
  return last !== null && ONLY_NAMES.test(window.slice(last.index + last[0].length));
}
const ROLL_HEADINGS = new RegExp(ROLL_HEADING.source, 'g');
const ONLY_NAMES = /^[\s、，,]*(?:[\u4e00-\u9fff]{2,3}(?:[\s、，,]+|$))*$/;

// What follows a name at the start of what is said about its bearer (马得福太像…, 马德华是…, 马得利家).
const AFTER_NAME = /^(?:$|[^\u4e00-\u9fff]|[太是说在和跟家也都就又还的了呢演长像当干])/;
// Right before the name, what introduces a person (剧里马得福, 叫马德华, 演马得福的): never the start of the message.
const NAME_INTRODUCED = /[里叫演像的和跟是给找问]$/;
// Never the third character of a name: a pronoun, an adverb, what goes on cursing (马德你还…, 马德疯了, 马德逼).
const NOT_IN_NAME = /[你他她我们也又就还都在是疯逼个比b的]/;

/**
 * Whether a two-character sound-alike [start, end) opens a three-character name: a surname written
 * as the word's first character, a second one only sounding like the word's, a third after it, then
 * what is said of the person. No one is addressed right before it (你马得…).
 */
function soundedInName(input: string, start: number, end: number, word: string): boolean {
  if (end - start !== 2 || !isSurname(input.charCodeAt(start)) || input[start] !== word[0] || input[start + 1] === word[1]) return false;
  if (!HAN_CHAR.test(input[end] ?? '') || NOT_IN_NAME.test(input[end] as string) || !AFTER_NAME.test(input.slice(end + 1, end + 2))) return false;
  return NAME_INTRODUCED.test(input.slice(Math.max(0, start - 1), start));
}

// Talk of a film or a book (演技, 主演, 看了, 原著): what a title is named for.
const TITLE_TALK = /演技|主演|导演|演员|演的|拍得|电影院|上映|看了|看过|读过|小说|名著|原著|禁书|获奖/;
// Offers, requests and people around a title (《…》全集 私我, 谁有传一下, 我这一大堆, 你就跟《…》里演的一样): a title sold, asked for or thrown at someone.
const TITLE_SOLD = /私|找我|加我|v我|vx|全集|资源|网盘|链接|下载|发|传|存|谁有|想看|想要|要的|吱|一大堆|我这|片子|[你您她]|嫂|老婆|媳妇|骚|[0-9０-９]|[块元]/;

/** Whether [start, end) is a 《…》 title by itself (one more character at most), named in talk of a film or a book that offers nothing. */
function insideTitle(input: string, start: number, end: number): boolean {
  const open = input.lastIndexOf('《', start - 1);
  const close = input.indexOf('》', end);
  if (open < 0 || close < 0 || close - open - 1 - (end - start) > 1 || input.slice(open + 1, close).includes('》')) return false;
  return TITLE_TALK.test(input) && !TITLE_SOLD.test(input);
}

/** Whether nothing but white space comes before index `at` (read back only as far as the first other character). */
function onlySpaceBefore(input: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) if (!/\s/.test(input[i] as string)) return false;
  return true;
}

/** A message about breeding or raising livestock (猪人工授精，一份精液三十块; 兽医给打了一针催情的; 一年出栏两万只土鸡): its 色情 words are the vet's, its uncategorised ones (做鸡) the farmer's. */
function breedingTalk(input: string): boolean {
  return BREEDING.test(input) && !PERSON_IN_BREEDING.test(input);
}

// A woman or a man in a breeding message (配种那样…弄他闺女): the vet's words turned on a person.
const PERSON_IN_BREEDING = /[你您她女]|妹|老婆|媳妇|那口子|小姐|寡妇|嫂|婶|娘们|婆娘|闺女|光棍|男人|骚|鸡巴|屄|逼/;

// Around a doubled character: someone spoken to or offered it (妹子来摸摸哥的大公鸡 鸡…, 野鸡 鸡多少钱一晚).
const DOUBLED_AT_SOMEONE = /[你您她妹舔含]|姑娘|叔叔|哥|摸|硬|看看|想不想|一晚|私|钱|卖|寡妇|毛|口交|我的|大公/;

// Stock named by sex or age (公羊母羊得分圈, 小鸡糊屁股): a mating season or a chick's vent is the farmer's.
const STOCK_BY_SEX = /[公母种](?:羊|猪|牛|兔|驴)|小鸡(?!鸡)|鸡仔|分圈|产仔/;
// …and what a farmer asks or does about it (得分圈, 咋办, 糊屁股, 季节): stock kept, not a slur's comparison.
const STOCK_KEPT = /分圈|圈|喂|饲料|疫苗|兽医|咋办|怎么办|拉稀|糊屁股|粪|出栏|季节|配种|产仔|病|一胎|下了|不够吃|吃奶/;
// A person, a slur or an offer in the message: a woman compared with a sow, not a sow.
const PERSON_NEAR_STOCK = /[你您她女]|妹|老婆|媳妇|那口子|小姐|寡妇|嫂|婶|娘|闺女|光棍|男人|骚|操|日|约|嫩|开苞|洗脚|发廊|谁去|谁想|谁不想|找老|一样|似的|像|屄|逼|鸡巴|搞烂|视频|照片|片|主播|私|特写|直播|[0-9０-９]|[块元]/;
// …and, for stock named only by sex or age, a hand or a breast (摸, 奶子) too.
const PERSON_IN_IT = new RegExp(`${PERSON_NEAR_STOCK.source}|摸|奶子`);

/** Whether a 色情 word stands in a message about keeping stock named by sex or age, with no person, slur or offer in it. */
function stockTalk(input: string): boolean {
  return STOCK_BY_SEX.test(input) && STOCK_KEPT.test(input) && !PERSON_IN_IT.test(input);
}

function afterFarmAnimal(input: string, start: number): boolean {
  for (let i = start - 1; i >= 0 && start - i <= FARM_REACH; i--) {
    const c = input.charCodeAt(i);
    if (CLAUSE[c] === 1) return false;
    const kind = FARM_ANIMAL[c] as number;
    if (kind === 1 || (kind === 2 && (i === start - 1 || (i === start - 2 && input.charCodeAt(start - 1) === 0x5b50)))) return true;
  }
  return false;
}

/**
 * Grammatical particles: the last character of a hit written as in the word (了 of 湿了) is no
 * evidence of a disguise, since one follows almost any verb (试了, 看了).
 */
const PARTICLE_CHAR = new Uint8Array(0x10000);
for (const c of '了着过的地得吗呢吧啊') PARTICLE_CHAR[c.charCodeAt(0)] = 1;
/** The aspect particles, which end the verb before them (卖过, 看着); 吗 in mid-clause (大吗一克) is no such ending. */
const ASPECT_CHAR = new Uint8Array(0x10000);
for (const c of '了着过') ASPECT_CHAR[c.charCodeAt(0)] = 1;

/** Pronouns, conjunctions, and the verbs of a favour done for one (帮我, 给你, 让他 …). */
const PRONOUN_CHAR = new Uint8Array(0x10000);
for (const c of '我你他她') PRONOUN_CHAR[c.charCodeAt(0)] = 1;
/** Adverbs of time and order that come before a verb (再建, 又见, 先做). */
const ADVERB_CHAR = new Uint8Array(0x10000);
for (const c of '再又先才') ADVERB_CHAR[c.charCodeAt(0)] = 1;
const CONJUNCTION_CHAR = new Uint8Array(0x10000);
for (const c of '和跟与') CONJUNCTION_CHAR[c.charCodeAt(0)] = 1;
const FAVOUR_CHAR = new Uint8Array(0x10000);
for (const c of '帮给让替教陪') FAVOUR_CHAR[c.charCodeAt(0)] = 1;
/** Results written after a verb (剪掉, 卖完, 做好): the verb before them is a verb. */
const COMPLEMENT_CHAR = new Uint8Array(0x10000);
for (const c of '掉完好成住') COMPLEMENT_CHAR[c.charCodeAt(0)] = 1;
/** Modal verbs after their subject (老师会教, 谁能帮). */
const MODAL_CHAR = new Uint8Array(0x10000);
for (const c of '会能敢肯') MODAL_CHAR[c.charCodeAt(0)] = 1;
/** Kinship words that follow a pronoun as a noun (我爸, 你妈, 他哥). */
const KIN_CHAR = new Uint8Array(0x10000);
for (const c of '爸妈哥姐弟妹爷奶叔婶舅姨') KIN_CHAR[c.charCodeAt(0)] = 1;
/** 没 and 不, which ask a question between a word and itself (有毒没毒, 是不是). */
const NEGATION_CHAR = new Uint8Array(0x10000);
for (const c of '没不') NEGATION_CHAR[c.charCodeAt(0)] = 1;
/** Before 人, the words that make it the one who acts (被人骗, 让人笑话). */
const AGENT_BEFORE_CHAR = new Uint8Array(0x10000);
for (const c of '被让叫得') AGENT_BEFORE_CHAR[c.charCodeAt(0)] = 1;

/** 把 (the object of its clause before the verb) and 比 (a comparison) open what follows them: 1; 要 (what one must or wants to do) only after one other character: 2. */
const OPENS_CLAUSE = new Uint8Array(0x10000);
for (const c of '把比') OPENS_CLAUSE[c.charCodeAt(0)] = 1;
OPENS_CLAUSE['要'.charCodeAt(0)] = 2;
OPENS_CLAUSE['也'.charCodeAt(0)] = 2;

/** The review model reads Chinese: fewer Han characters (收到, 好的, shopping) are too little to judge. */
const MODEL_MIN_HAN = 4;

const UNIT_TOKEN = 0;
const UNIT_DROPPED = 1;
const UNIT_GENERAL = 2;

const CHAR_PAIR_BITS = 20;

/** Bit of charPairs for a pair of character symbols. */
function charPairSlot(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 1, 0x85ebca6b)) >>> (32 - CHAR_PAIR_BITS);
}

/**
 * The pairs of symbols written side by side in the automaton's words: node t under node p
 * spells p's symbol then t's. `starts`: only where p is a one-character node (a word's start).
 */
function charPairsOf(a: Automaton, starts: boolean): Int32Array {
  const cells = a.cells;
  const pairs = new Int32Array((1 << CHAR_PAIR_BITS) >>> 5);
  const size = cells.length / 4;
  const symbolOf = (node: number): number => node - (cells[(cells[node * 4] as number) * 4 + 1] as number);
  for (let t = 1; t < size; t++) {
    const p = cells[t * 4] as number;
    if (p <= 0 || (starts && cells[p * 4] !== 0)) continue;
    const slot = charPairSlot(symbolOf(p), symbolOf(t));
    pairs[slot >>> 5] = (pairs[slot >>> 5] as number) | (1 << (slot & 31));
  }
  return pairs;
}

/** Whether matches already hold `word` at [start, end). */
function sameMatch(matches: readonly ScanMatch[], word: string, start: number, end: number): boolean {
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i] as ScanMatch;
    if (m.word === word && m.start === start && m.end === end) return true;
  }
  return false;
}

/**
 * Sort matches by where they start, then end, keeping the order of equal spans (what a stable
 * Array.prototype.sort with that comparison gives; a message has a handful, so insertion sort).
 */
function sortByStartEnd(matches: ScanMatch[]): void {
  for (let i = 1; i < matches.length; i++) {
    const m = matches[i] as ScanMatch;
    let j = i;
    for (; j > 0; j--) {
      const o = matches[j - 1] as ScanMatch;
      if (o.start < m.start || (o.start === m.start && o.end <= m.end)) break;
      matches[j] = o;
    }
    matches[j] = m;
  }
}

/** Whether a public (or untiered) match already covers m's span. */
function coveredByPublic(matches: readonly ScanMatch[], m: ScanMatch): boolean {
  for (let i = 0; i < matches.length; i++) {
    const o = matches[i] as ScanMatch;
    if (o.start <= m.start && m.end <= o.end && o.tier !== 'review') return true;
  }
  return false;
}

/**
 * A set of everyday words keyed by numbers, not strings: a word of two to four BMP characters
 * is the pair (c1 << 16 | c2, c3 << 16 | c4), missing characters 0, in an open-addressing table
 * of int32 pairs; the few words with a character outside the BMP stay in a string set.
 */
class WordSet {
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly others = new Set<string>();

  /** An empty set with room for about `expected` words. */
  constructor(expected: number) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.table = new Int32Array(size * 2);
    this.mask = size - 1;
  }

  /** Add a word (words of other lengths than two to four characters are never asked for). */
  addWord(w: string): void {
    const cps: number[] = [];
    for (const ch of w) cps.push(ch.codePointAt(0) as number);
    if (cps.length < 2 || cps.length > 4) return;
    if (cps.some((c) => c >= 0x10000 || c === 0)) {
      this.others.add(w);
      return;
    }
    this.add(cps[0] as number, cps[1] as number, cps[2] ?? 0, cps[3] ?? 0);
  }

  has(c1: number, c2: number, c3: number, c4: number): boolean {
    const hi = (c1 << 16) | c2;
    const lo = (c3 << 16) | c4;
    const table = this.table;
    for (let slot = hashPair(hi, lo) & this.mask; ; slot = (slot + 1) & this.mask) {
      const h = table[slot * 2] as number;
      if (h === 0) return false;
      if (h === hi && table[slot * 2 + 1] === lo) return true;
    }
  }

  /** Words holding a character outside the BMP. */
  hasString(word: string): boolean {
    return this.others.has(word);
  }

  private add(c1: number, c2: number, c3: number, c4: number): void {
    const hi = (c1 << 16) | c2;
    const lo = (c3 << 16) | c4;
    const table = this.table;
    for (let slot = hashPair(hi, lo) & this.mask; ; slot = (slot + 1) & this.mask) {
      const h = table[slot * 2] as number;
      if (h === hi && table[slot * 2 + 1] === lo) return;
      if (h === 0) {
        table[slot * 2] = hi;
        table[slot * 2 + 1] = lo;
        return;
      }
    }
  }
}

function hashPair(hi: number, lo: number): number {
  const h = Math.imul(hi ^ Math.imul(lo, 0x85ebca6b), 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
}

const wordSets = new WeakMap<ReadonlySet<string>, Map<CharTables, WordSet>>();

/**
 * Everyday words as the scanner sees them (folded), in numeric form, built once per word set
 * and tables. Folding changes a handful of words (a traditional character here and there):
 * those are replayed onto an overlay, dropped and added in the order a folded copy of the set
 * would get them, instead of copying the whole set.
 */
function commonWordSet(words: ReadonlySet<string>, tables: CharTables): WordSet {
  let byTables = wordSets.get(words);
  if (!byTables) wordSets.set(words, (byTables = new Map<CharTables, WordSet>()));
  let set = byTables.get(tables);
  if (!set) {
    const overlay = new Map<string, boolean>();
    for (const w of words) {
      const f = String.fromCodePoint(...tables.foldString(w));
      if (f !== w) {
        overlay.set(w, false);
        overlay.set(f, true);
      }
    }
    const built = new WordSet(words.size);
    for (const w of words) if (overlay.get(w) !== false) built.addWord(w);
    for (const [w, present] of overlay) if (present && !words.has(w)) built.addWord(w);
    byTables.set(tables, built);
    set = built;
  }
  return set;
}

/**
 * The letters (a = 0 … z = 25) of the run of latin tokens starting at token `first`, each token's
 * letter repeated as often as it runs, written into `into` (or into a larger array when that is too
 * small); with how many there are.
 */
function unpackLatinRun(t: NormalisedText, first: number, into: Uint8Array<ArrayBuffer>): { letters: Uint8Array<ArrayBuffer>; size: number } {
  let size = 0;
  for (let k = first; k < t.length && t.cls[k] === CharClass.LATIN; k++) size += t.run[k] as number;
  const letters = into.length < size ? new Uint8Array(size * 2) : into;
  for (let k = first, at = 0; at < size; k++) for (let r = 0; r < (t.run[k] as number); r++) letters[at++] = (t.cp[k] as number) - 0x61;
  return { letters, size };
}

/**
 * Bit 1 of `reach` at each offset up to which `letters` split into whole syllables: from every
 * offset that has it (the caller sets reach[0]), each syllable spelled next sets it further on.
 */
function markSyllablePrefixes(letters: Uint8Array, size: number, reach: Uint8Array, spelling: { next: Int32Array; ends: Uint8Array }, maxLen: number): void {
  const { next, ends } = spelling;
  for (let i = 0; i < size; i++) {
    if (((reach[i] as number) & 1) === 0) continue;
    let node = 0;
    for (let l = 1; l <= maxLen && i + l <= size; l++) {
      node = next[node * 26 + (letters[i + l - 1] as number)] as number;
      if (node === 0) break;
      if (ends[node] === 1) reach[i + l] = (reach[i + l] as number) | 1;
    }
  }
}
