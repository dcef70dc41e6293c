import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Options for loadCommonWords and loadEverydayDictionary. */
export interface CommonWordsOptions {
  /** A jieba-format dictionary (`word frequency [tag]` per line); default: the one @node-rs/jieba ships. */
  path?: string;
  /** Words rarer than this are left out. Default 20. */
  minFrequency?: number;
}

const cache = new Map<string, ReadonlySet<string>>();
const HAN_WORD = /^\p{Script=Han}+$/u;

/** The dictionary file: the option, or jieba's own dict.txt (MIT, see docs/moderation.md). */
function dictionaryFile(options: CommonWordsOptions): string {
  return options.path ?? path.join(path.dirname(require.resolve('@node-rs/jieba')), 'dict.txt');
}

/** Calls `visit` with each word of the dictionary at or above the frequency floor, and its whole line. */
function forEachWord(options: CommonWordsOptions, visit: (word: string, line: string) => void): void {
  const minFrequency = options.minFrequency ?? 20;
  const text = readFileSync(dictionaryFile(options), 'utf8');
  for (let from = 0; from < text.length; ) {
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', from);
    // `word frequency [tag]`.
    if (space > from && space < end) {
      const frequency = Number.parseInt(text.slice(space + 1, end), 10);
      if (frequency >= minFrequency) visit(text.slice(from, space), text.slice(from, end));
    }
    from = end + 1;
  }
}

/**
 * Everyday Chinese words of 2–4 characters, from a word-frequency dictionary. The pinyin
 * layer uses them to tell a sound-alike disguise (独品 for 毒品) from an ordinary word that
 * merely sounds like a banned one (背景 / 北京).
 */
export function loadCommonWords(options: CommonWordsOptions = {}): ReadonlySet<string> {
  const key = `${dictionaryFile(options)}\n${options.minFrequency ?? 20}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const words = new Set<string>();
  forEachWord(options, (word) => {
    if (word.length >= 2 && word.length <= 4 && HAN_WORD.test(word)) words.add(word);
  });
  cache.set(key, words);
  return words;
}

/**
 * The same dictionary cut to the same everyday words (all lengths, single characters too),
 * as jieba-format text: what the word segmenter loads, so "a word" means the same to both.
 */
export function loadEverydayDictionary(options: CommonWordsOptions = {}): string {
  const lines: string[] = [];
  forEachWord(options, (_word, line) => lines.push(line));
  return lines.join('\n');
}

const pairCache = new Map<string, ReadonlySet<number>>();

/**
 * Every two-character word of the whole dictionary, rare ones too (死机, 老姜), as
 * (first unit << 16 | second unit): whether two characters side by side may be one word.
 * Built on first use (~5 MB read, a few MB kept), for the rare checks that ask it.
 */
export function loadWordPairs(options: Omit<CommonWordsOptions, 'minFrequency'> = {}): ReadonlySet<number> {
  const key = dictionaryFile(options);
  const cached = pairCache.get(key);
  if (cached) return cached;
  const pairs = new Set<number>();
  forEachWord({ ...options, minFrequency: 1 }, (word) => {
    if (word.length === 2 && HAN_WORD.test(word)) pairs.add((word.charCodeAt(0) << 16) | word.charCodeAt(1));
  });
  pairCache.set(key, pairs);
  return pairs;
}
