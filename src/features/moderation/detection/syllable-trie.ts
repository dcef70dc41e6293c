import { Automaton } from './automaton';

/** Int32 fields per node in SyllableTrie.cells and per pair in SyllableTrie.pairNodes. */
const CELL = 4;
/** Field offsets: [check, base, letter state, flags]; pairNodes hold [node, base, letter state, flags]. */
export const TRIE_BASE = 1;
export const TRIE_LETTERS = 2;
export const TRIE_FLAGS = 3;
/** Flags bit 0: patterns end exactly at the node's letter state. Bits 1–31: children, by childBit(syllable). */
export const TRIE_OWN_OUTPUT = 1;

/** The flags bit that stands for a child reached by `syl` (a one-word Bloom filter of the node's children). */
export function childBit(syl: number): number {
  return 2 << syl % 31;
}

/**
 * The leading Han syllables of every pinyin pattern as a trie over syllable ids. A Han
 * character of a message only counts where it lines up with one whole syllable of the word
 * (create-detector), so a walk over Han text steps a syllable at a time here instead of a
 * letter at a time. Each node is one 16-byte cell: check, base, the state of the letter
 * automaton that spells the same letters (where latin letters go on) and flags (patterns end
 * there; which syllables may have a child, so most failing steps read no other cell).
 *
 * The first two steps of a walk touch only small tables: the root's children sit side by side,
 * `pairs` has one bit per pair of syllables some pattern starts with (a few kilobytes), and the
 * nodes two syllables deep are copied, in pair order, into `pairNodes`, found by counting the
 * set bits before a pair's bit (`pairRank`).
 */
export class SyllableTrie {
  /** [check, base, letter state, flags] per node, root at 0; unused cells have check -1. */
  readonly cells: Int32Array;
  /** Bit s1 * syllables + s2: some pattern starts with syllables s1, s2. */
  readonly pairs: Int32Array;
  /** Set bits of `pairs` before each of its words. */
  readonly pairRank: Int32Array;
  /** [node, base, letter state, flags] of the node after each pair of syllables, in pair order. */
  readonly pairNodes: Int32Array;
  /** Syllable ids below this may occur in patterns; the others never line up with one. */
  readonly syllables: number;

  private constructor(cells: Int32Array, pairs: Int32Array, pairRank: Int32Array, pairNodes: Int32Array, syllables: number) {
    this.cells = cells;
    this.pairs = pairs;
    this.pairRank = pairRank;
    this.pairNodes = pairNodes;
    this.syllables = syllables;
  }

  /**
   * Build from each pattern's leading Han syllables (ids below `syllables`), laid end to end:
   * pattern i's are leading[at[i] .. at[i + 1]). `letterStep` gives the letter-automaton state
   * after a syllable's letters (goto only), `ownOutput` whether patterns end exactly at a letter state.
   */
  static build(leading: Int32Array, at: Int32Array, syllables: number, letterStep: (state: number, syl: number) => number, ownOutput: (state: number) => boolean): SyllableTrie {
    const placed = Automaton.buildFlat(leading, at, Math.max(syllables, 1), false);
    const size = placed.cells.length / CELL;
    const cells = new Int32Array(size * CELL);
    for (let i = 0; i < size; i++) {
      cells[i * CELL] = placed.cells[i * CELL] as number;
      cells[i * CELL + TRIE_BASE] = placed.cells[i * CELL + TRIE_BASE] as number;
    }
    const pairs = new Int32Array(((syllables * syllables) >>> 5) + 1);
    for (let i = 0; i + 1 < at.length; i++) {
      const from = at[i] as number;
      const length = (at[i + 1] as number) - from;
      let node = 0;
      let letters = 0;
      for (let d = 0; d < length; d++) {
        const syl = leading[from + d] as number;
        cells[node * CELL + TRIE_FLAGS] = (cells[node * CELL + TRIE_FLAGS] as number) | childBit(syl);
        node = (cells[node * CELL + TRIE_BASE] as number) + syl;
        letters = letterStep(letters, syl);
        cells[node * CELL + TRIE_LETTERS] = letters;
        if (ownOutput(letters)) cells[node * CELL + TRIE_FLAGS] = (cells[node * CELL + TRIE_FLAGS] as number) | TRIE_OWN_OUTPUT;
      }
      if (length >= 2) {
        const bit = (leading[from] as number) * syllables + (leading[from + 1] as number);
        pairs[bit >>> 5] = (pairs[bit >>> 5] as number) | (1 << (bit & 31));
      }
    }
    const pairRank = new Int32Array(pairs.length);
    let count = 0;
    for (let w = 0; w < pairs.length; w++) {
      pairRank[w] = count;
      count += bitCount(pairs[w] as number);
    }
    const pairNodes = new Int32Array(count * CELL);
    const rootBase = cells[TRIE_BASE] as number;
    for (let w = 0, at = 0; w < pairs.length; w++) {
      for (let b = 0; b < 32; b++) {
        if (((pairs[w] as number) & (1 << b)) === 0) continue;
        const bit = w * 32 + b;
        const first = (rootBase + Math.floor(bit / syllables)) * CELL;
        const node = (cells[first + TRIE_BASE] as number) + (bit % syllables);
        pairNodes[at * CELL] = node;
        pairNodes[at * CELL + TRIE_BASE] = cells[node * CELL + TRIE_BASE] as number;
        pairNodes[at * CELL + TRIE_LETTERS] = cells[node * CELL + TRIE_LETTERS] as number;
        pairNodes[at * CELL + TRIE_FLAGS] = cells[node * CELL + TRIE_FLAGS] as number;
        at++;
      }
    }
    return new SyllableTrie(cells, pairs, pairRank, pairNodes, syllables);
  }
}

/** Number of set bits in a 32-bit word. */
export function bitCount(v: number): number {
  let x = v - ((v >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
