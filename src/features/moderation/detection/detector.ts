import type { CharTables } from './char-tables';
import type { WordSegmenter } from './load-word-segmenter';

/** How a match was found: verbatim, after folding disguises, by sound (pinyin), or by a solicitation detector. */
export type MatchLayer = 'exact' | 'normalised' | 'pinyin' | 'solicitation';

/** One hit: the lexicon word (or detector name), its category and its UTF-16 span [start, end) in the original text. */
export interface ScanMatch {
  word: string;
  category: string;
  start: number;
  end: number;
  layer?: MatchLayer;
}

/** Outcome of scanning one message. */
export interface ScanResult {
  flagged: boolean;
  categories: string[];
  matches: ScanMatch[];
}

/** Figures about a built detector, for logs and the benchmark. */
export interface DetectorStats {
  words: number;
  allowWords: number;
  charStates: number;
  pinyinPatterns: number;
  pinyinStates: number;
  buildMs: number;
}

/** A built, immutable sensitive-word detector shared by every group. */
export interface Detector {
  scan(text: string): ScanResult;
  readonly stats: DetectorStats;
}

/** Switches for the detection layers and the strictness of the broad categories. */
export interface DetectorOptions {
  /** Match by pinyin (homophones, typed pinyin). Default true. */
  pinyin?: boolean;
  /** Phone numbers, contact ids and links. Default true. */
  solicitation?: boolean;
  /** Minimum length (characters) of a 违法犯罪/未分类 word before it may flag; 0 turns them off. Default 3. */
  broadMinLength?: number;
  /** Link domains that never count as solicitation (the shop platforms). */
  allowedDomains?: string[];
  /** Everyday words that explain away a sound-alike hit that is itself one; default loadCommonWords(), null: none. */
  commonWords?: ReadonlySet<string> | null;
  /** Word segmentation that explains away a sound-alike hit cutting through words; default loadWordSegmenter(), null: none. */
  segmenter?: WordSegmenter | null;
  /** Character tables to use (default: the shared process-wide tables). */
  tables?: CharTables;
}
