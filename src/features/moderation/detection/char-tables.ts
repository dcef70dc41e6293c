import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js';
import { pinyin } from 'pinyin-pro';

/** Token class of a folded code point: dropped, Han character, latin letter, digit or other letter. */
export const CharClass = { STRIP: 0, HAN: 1, LATIN: 2, DIGIT: 3, OTHER: 4 } as const;

const STRIP = -1;
const MULTI = -2;

const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|[\u{1F1E6}-\u{1F1FF}]/u;
const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const MARKS = /\p{M}/gu;
const PINYIN_OPTIONS = { toneType: 'none', type: 'array', v: true } as const;

/**
 * Per-character lookup tables shared by every detector: the fold of each code point (NFKC,
 * case, diacritics, traditional → simplified, dropped symbols), its token class and its
 * toneless pinyin syllable. Built once per process because opencc and pinyin-pro are slow
 * per call but cheap per batch.
 */
export class CharTables {
  private static instance: CharTables | undefined;

  /** Folded code point of each BMP code point; -1 dropped, -2 several (see foldMulti). */
  readonly foldBmp = new Int32Array(0x10000);
  readonly foldMulti = new Map<number, Int32Array>();
  /** CharClass of each folded BMP code point. */
  readonly classBmp = new Uint8Array(0x10000);
  /** Syllable id of each folded BMP Han code point, -1 when it has none. */
  readonly pinyinBmp = new Int16Array(0x10000).fill(-1);
  /** Toneless syllables ('ü' written 'v'), indexed by syllable id. */
  readonly syllables: string[] = [];
  /** Every syllable spelling, for segmenting latin runs typed as pinyin. */
  readonly syllableSet = new Set<string>();
  readonly maxSyllableLength: number;

  private readonly syllableIds = new Map<string, number>();
  private readonly astralFold = new Map<number, number>();
  private readonly astralClass = new Map<number, number>();
  private readonly astralPinyin = new Map<number, number>();
  private readonly toSimplified: (text: string) => string;

  private constructor() {
    this.toSimplified = Converter({ from: 't', to: 'cn' });
    const toSimplifiedHk = Converter({ from: 'hk', to: 'cn' });
    const hanChars: number[] = [];
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) {
        this.foldBmp[cp] = STRIP;
        continue;
      }
      const folded = foldWithoutHan(cp);
      if (folded.length === 0) this.foldBmp[cp] = STRIP;
      else if (folded.length === 1) this.foldBmp[cp] = folded[0] as number;
      else {
        this.foldBmp[cp] = MULTI;
        this.foldMulti.set(cp, Int32Array.from(folded));
      }
      const cls = classify(cp);
      this.classBmp[cp] = cls;
      if (cls === CharClass.HAN) hanChars.push(cp);
    }
    // Traditional → simplified, one batched opencc call per variant; '\n' keeps phrases from forming.
    const joined = hanChars.map((cp) => String.fromCharCode(cp)).join('\n');
    const fromTraditional = this.toSimplified(joined).split('\n');
    const fromHongKong = toSimplifiedHk(joined).split('\n');
    const simplifiedOf = new Map<number, number>();
    hanChars.forEach((cp, i) => {
      for (const s of [fromTraditional[i], fromHongKong[i]]) {
        if (s === undefined || [...s].length !== 1) continue;
        const out = s.codePointAt(0) as number;
        if (out !== cp && classify(out) === CharClass.HAN) {
          simplifiedOf.set(cp, out);
          break;
        }
      }
    });
    for (let cp = 0; cp < 0x10000; cp++) {
      const f = this.foldBmp[cp] as number;
      if (f >= 0) {
        const s = simplifiedOf.get(f);
        if (s !== undefined) this.foldBmp[cp] = s;
      }
    }
    for (const [cp, outs] of this.foldMulti) {
      this.foldMulti.set(cp, outs.map((o) => simplifiedOf.get(o) ?? o));
    }
    // Pinyin of every (simplified) BMP Han character, in one batched call.
    const readings = pinyin(hanChars.map((cp) => String.fromCharCode(cp)).join('\n'), PINYIN_OPTIONS);
    let k = 0;
    for (const r of readings) {
      if (r === '\n') continue;
      const cp = hanChars[k++];
      if (cp === undefined) break;
      const id = this.syllableId(r);
      if (id >= 0) this.pinyinBmp[cp] = id;
    }
    for (const extra of ['lue', 'nue']) this.syllableSet.add(extra);
    this.maxSyllableLength = Math.max(...[...this.syllableSet].map((s) => s.length));
  }

  /** The process-wide tables, built on first use. */
  static shared(): CharTables {
    if (!CharTables.instance) CharTables.instance = new CharTables();
    return CharTables.instance;
  }

  /** Folded form of a code point above the BMP: -1 dropped, else the folded code point (or -2 with foldMulti). */
  foldAstral(cp: number): number {
    let f = this.astralFold.get(cp);
    if (f === undefined) {
      const folded = foldWithoutHan(cp).map((o) => this.simplifyOne(o));
      if (folded.length === 0) f = STRIP;
      else if (folded.length === 1) f = folded[0] ?? STRIP;
      else {
        f = MULTI;
        this.foldMulti.set(cp, Int32Array.from(folded));
      }
      this.astralFold.set(cp, f);
    }
    return f;
  }

  /** CharClass of a folded code point. */
  classOf(cp: number): number {
    if (cp < 0x10000) return this.classBmp[cp] as number;
    let c = this.astralClass.get(cp);
    if (c === undefined) {
      c = classify(cp);
      this.astralClass.set(cp, c);
    }
    return c;
  }

  /** Syllable id of a folded Han code point, -1 when it has no pinyin. */
  pinyinOf(cp: number): number {
    if (cp < 0x10000) return this.pinyinBmp[cp] as number;
    let id = this.astralPinyin.get(cp);
    if (id === undefined) {
      const r = pinyin(String.fromCodePoint(cp), PINYIN_OPTIONS)[0];
      id = r === undefined ? -1 : this.syllableId(r);
      this.astralPinyin.set(cp, id);
    }
    return id;
  }

  /** Syllable id for a toneless reading; registers new syllables, -1 for non-pinyin text. */
  syllableId(reading: string): number {
    if (!/^[a-z]{1,6}$/.test(reading)) return -1;
    let id = this.syllableIds.get(reading);
    if (id === undefined) {
      id = this.syllables.length;
      this.syllables.push(reading);
      this.syllableIds.set(reading, id);
      this.syllableSet.add(reading);
    }
    return id;
  }

  /** Fold a whole string to its code points (no collapsing), as the scanner sees it. */
  foldString(text: string): number[] {
    return this.foldInto(text, []);
  }

  /** foldString into `out` (emptied first), for callers that fold many words into one scratch array. */
  foldInto(text: string, out: number[]): number[] {
    out.length = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0) as number;
      const f = cp < 0x10000 ? (this.foldBmp[cp] as number) : this.foldAstral(cp);
      if (f >= 0) out.push(f);
      else if (f === MULTI) out.push(...(this.foldMulti.get(cp) ?? []));
    }
    return out;
  }

  private simplifyOne(cp: number): number {
    if (classify(cp) !== CharClass.HAN) return cp;
    const s = this.toSimplified(String.fromCodePoint(cp));
    const out = s.codePointAt(0);
    return out !== undefined && [...s].length === 1 ? out : cp;
  }
}

const CONFUSABLES = loadConfusables();

/**
 * Lookalike letters of other scripts (Cyrillic а, Greek ν, Cherokee Ꮶ …) → the ASCII letter or
 * digit they imitate, from data/moderation/confusables.txt (UTS #39 confusables, see the file).
 */
export function loadConfusables(file = confusablesFile()): ReadonlyMap<number, number> {
  const map = new Map<number, number>();
  if (!file) return map;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([0-9A-F]{4,6}) ([a-z0-9])/.exec(line);
    if (m) map.set(Number.parseInt(m[1] as string, 16), (m[2] as string).charCodeAt(0));
  }
  return map;
}

/** data/moderation/confusables.txt, found from this file in src/ or dist/src/. */
function confusablesFile(): string | null {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'data', 'moderation', 'confusables.txt');
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return null;
}

/** First code points of the enclosed Latin capitals NFKC leaves alone: negative circled (🅐) and negative squared (🅰). */
const ENCLOSED_LETTERS = [0x1f150, 0x1f170];

/**
 * Emoji written for a word of an insult, a venue or an age mark (🐶东西 is 狗东西, 🐷脑子 is 猪脑子,
 * 🐴场 is 马场, 🔞群 is an adult group): read as that word. Other pictographs are dropped.
 */
const EMOJI_WORDS = new Map<number, string>([
  [0x1f436, '狗'],
  [0x1f415, '狗'],
  [0x1f437, '猪'],
  [0x1f416, '猪'],
  [0x1f51e, '十八禁'],
  [0x1f434, '马'],
  [0x1f40e, '马'],
  [0x1f9e0, '脑'],
  [0x2744, '冰'],
]);

/** NFKC, case fold, lookalike fold and diacritic strip of one code point; Han characters pass through. */
function foldWithoutHan(cp: number): number[] {
  const ch = String.fromCodePoint(cp);
  // Letters in circles and squares, black on white (🅱, 🅑), are emoji to Unicode but letters to a reader: 傻🅱 is 傻b.
  for (const first of ENCLOSED_LETTERS) if (cp >= first && cp < first + 26) return [0x61 + cp - first];
  const word = EMOJI_WORDS.get(cp);
  if (word !== undefined) return [...word].map((c) => c.codePointAt(0) as number);
  if (PICTOGRAPHIC.test(ch)) return [];
  // A listed lookalike folds as itself: NFKC first would turn some into another letter (Ϲ → Σ → σ, read as o).
  const direct = CONFUSABLES.get(cp);
  if (direct !== undefined) return [direct];
  const out: number[] = [];
  for (const c of ch.normalize('NFKC')) {
    const ccp = c.codePointAt(0) as number;
    if (HAN.test(c)) {
      out.push(ccp);
      continue;
    }
    if (DIGIT.test(c)) {
      if (ccp >= 0x30 && ccp <= 0x39) out.push(ccp);
      continue;
    }
    if (!LETTER.test(c)) continue;
    if (c === 'ü' || c === 'Ü' || /^[ǖǘǚǜǕǗǙǛ]$/.test(c)) {
      out.push(0x76);
      continue;
    }
    const lookalike = CONFUSABLES.get(ccp);
    if (lookalike !== undefined) {
      out.push(lookalike);
      continue;
    }
    const plain = c.toLowerCase().normalize('NFD').replace(MARKS, '');
    for (const p of plain) out.push(CONFUSABLES.get(p.codePointAt(0) as number) ?? (p.codePointAt(0) as number));
  }
  return out;
}

function classify(cp: number): number {
  if (cp >= 0x61 && cp <= 0x7a) return CharClass.LATIN;
  if (cp >= 0x30 && cp <= 0x39) return CharClass.DIGIT;
  if (cp < 0x80) return CharClass.STRIP;
  const ch = String.fromCodePoint(cp);
  if (HAN.test(ch)) return CharClass.HAN;
  if (LETTER.test(ch)) return CharClass.OTHER;
  return CharClass.STRIP;
}
