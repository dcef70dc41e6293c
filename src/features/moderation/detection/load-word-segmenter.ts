import { Jieba } from '@node-rs/jieba';
import { loadEverydayDictionary, type CommonWordsOptions } from './load-common-words';

/** Splits a run of Chinese text into words; the pieces, joined, are the text again. */
export interface WordSegmenter {
  cut(text: string): string[];
  /**
   * Optional shortcut over a text given as its first `length` UTF-16 units: true when no
   * dictionary word covers both units[at - 1] and units[at], so every segmentation cut() can
   * give has a word boundary at `at` and cut() need not run. False means "maybe not": ask cut().
   */
  splitsAt?(units: Uint16Array, length: number, at: number): boolean;
}

const cache = new Map<string, WordSegmenter>();

/**
 * jieba's word segmentation (@node-rs/jieba, MIT) over the everyday dictionary: the words of
 * jieba's dict.txt at or above the common-words frequency floor, not the whole 350 000, which
 * would add rare words that happen to sound like banned ones (and some 25 MB more). Used
 * without HMM, which would join an unknown disguise (大兵砖) into a new "word" and so
 * explain it away. Built once per dictionary and floor (~150 ms, ~18 MB), shared by every detector.
 *
 * Without HMM, jieba only ever cuts a text into dictionary words and single characters, so a
 * place no dictionary word spans is a word boundary whatever the rest of the text: splitsAt
 * answers that from a trie of the same words, without the (much slower) native call.
 */
export function loadWordSegmenter(options: CommonWordsOptions = {}): WordSegmenter {
  const key = `${options.path ?? ''}\n${options.minFrequency ?? 20}`;
  let segmenter = cache.get(key);
  if (!segmenter) {
    const dictionary = loadEverydayDictionary(options);
    const jieba = Jieba.withDict(Buffer.from(dictionary, 'utf8'));
    const trie = WordTrie.ofDictionary(dictionary);
    segmenter = { cut: (text) => jieba.cut(text, false), splitsAt: (units, length, at) => !trie.spans(units, length, at) };
    cache.set(key, segmenter);
  }
  return segmenter;
}

/**
 * The words of a jieba-format dictionary (`word frequency [tag]` per line)
 * as a trie over UTF-16 code units: child steps in an open-addressing table of
 * (node, unit) → child, a flag per node where a word ends.
 */
class WordTrie {
  private keys: Int32Array;
  private children: Int32Array;
  private mask: number;
  private nodes = 1;
  private isWord = new Uint8Array(1024);
  /** Longest word, in code units. */
  private longest = 0;
  /**
   * One bit per pair of units written side by side inside some word (hashed): a word spanning a
   * place holds the two units around it, so most places are answered by this bit alone.
   */
  private readonly inner = new Int32Array((1 << INNER_BITS) >>> 5);

  private constructor(capacity: number) {
    // Filled to at most three quarters: the table is only read where the pair bit says a word may span.
    let size = 1024;
    while (size * 3 < capacity * 4) size *= 2;
    this.keys = new Int32Array(size * 2).fill(-1);
    this.children = new Int32Array(size);
    this.mask = size - 1;
  }

  static ofDictionary(text: string): WordTrie {
    // Every listed word, whatever its frequency: a word too many only sends a question to cut().
    // Two passes over the lines (count, then add) instead of an array of lines and one of words.
    let units = 0;
    forEachListedWord(text, (word) => (units += word.length));
    const trie = new WordTrie(units + 1);
    forEachListedWord(text, (word) => trie.add(word));
    return trie;
  }

  /** Whether some word of at least two units covers both units[at - 1] and units[at] (of the first `length`). */
  spans(units: Uint16Array, length: number, at: number): boolean {
    if (at <= 0 || at >= length) return false;
    const slot = innerSlot(units[at - 1] as number, units[at] as number);
    if (((this.inner[slot >>> 5] as number) & (1 << (slot & 31))) === 0) return false;
    const from = Math.max(0, at - this.longest + 1);
    for (let i = at - 1; i >= from; i--) {
      let node = 0;
      const limit = Math.min(length, i + this.longest);
      for (let j = i; j < limit; j++) {
        node = this.child(node, units[j] as number);
        if (node < 0) break;
        if (j >= at && this.isWord[node] === 1) return true;
      }
    }
    return false;
  }

  private child(node: number, unit: number): number {
    const keys = this.keys;
    for (let slot = slotOf(node, unit) & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = keys[slot * 2] as number;
      if (k < 0) return -1;
      if (k === node && keys[slot * 2 + 1] === unit) return this.children[slot] as number;
    }
  }

  private add(word: string): void {
    for (let j = 0; j + 1 < word.length; j++) {
      const slot = innerSlot(word.charCodeAt(j), word.charCodeAt(j + 1));
      this.inner[slot >>> 5] = (this.inner[slot >>> 5] as number) | (1 << (slot & 31));
    }
    let node = 0;
    for (let j = 0; j < word.length; j++) {
      const unit = word.charCodeAt(j);
      let next = this.child(node, unit);
      if (next < 0) {
        next = this.nodes++;
        if (next >= this.isWord.length) {
          const grown = new Uint8Array(this.isWord.length * 2);
          grown.set(this.isWord);
          this.isWord = grown;
        }
        let slot = slotOf(node, unit) & this.mask;
        while ((this.keys[slot * 2] as number) >= 0) slot = (slot + 1) & this.mask;
        this.keys[slot * 2] = node;
        this.keys[slot * 2 + 1] = unit;
        this.children[slot] = next;
      }
      node = next;
    }
    this.isWord[node] = 1;
    if (word.length > this.longest) this.longest = word.length;
  }
}

/** Calls `visit` with the first field of every line of a jieba-format dictionary that is at least two units long. */
function forEachListedWord(text: string, visit: (word: string) => void): void {
  for (let from = 0; from < text.length; ) {
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    const line = text.slice(from, end).trim();
    const space = line.search(/\s/);
    const word = space < 0 ? line : line.slice(0, space);
    if (word.length >= 2) visit(word);
    from = end + 1;
  }
}

const INNER_BITS = 20;

function innerSlot(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca6b)) >>> (32 - INNER_BITS);
}

function slotOf(node: number, unit: number): number {
  const h = Math.imul(node ^ Math.imul(unit, 0x85ebca6b), 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
}
