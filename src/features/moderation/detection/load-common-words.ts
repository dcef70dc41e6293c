import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Options for loadCommonWords. */
export interface CommonWordsOptions {
  /** A jieba-format dictionary (`word frequency [tag]` per line); default: the one @node-rs/jieba ships. */
  path?: string;
  /** Words rarer than this are left out. Default 20. */
  minFrequency?: number;
}

const cache = new Map<string, ReadonlySet<string>>();
const HAN_WORD = /^\p{Script=Han}+$/u;

/**
 * Everyday Chinese words of 2–4 characters, from a word-frequency dictionary. The pinyin
 * layer uses them to tell a sound-alike disguise (独品 for 毒品) from ordinary words that
 * merely sound like a banned one (背景 / 北京, 引流 / 淫流, 有人知道 / 人质).
 */
export function loadCommonWords(options: CommonWordsOptions = {}): ReadonlySet<string> {
  const file = options.path ?? path.join(path.dirname(require.resolve('@node-rs/jieba')), 'dict.txt');
  const minFrequency = options.minFrequency ?? 20;
  const key = `${file}\n${minFrequency}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const words = new Set<string>();
  const text = readFileSync(file, 'utf8');
  for (let from = 0; from < text.length; ) {
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', from);
    // `word frequency [tag]`: keep 2–4 character Han words at or above the frequency floor.
    if (space > from + 1 && space <= from + 4 && space < end) {
      const frequency = Number.parseInt(text.slice(space + 1, end), 10);
      const word = text.slice(from, space);
      if (frequency >= minFrequency && HAN_WORD.test(word)) words.add(word);
    }
    from = end + 1;
  }
  cache.set(key, words);
  return words;
}
