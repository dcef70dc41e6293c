import type { CharTables } from './char-tables';
import type { WordSegmenter } from './load-word-segmenter';
import type { ReviewModel } from './review-model';

/** How a match was found: verbatim, after folding disguises, by sound (pinyin), by a solicitation detector, or by the review model. */
export type MatchLayer = 'exact' | 'normalised' | 'pinyin' | 'solicitation' | 'model';

/** How sure a hit is: `public` acts in the group (the ladder), `review` only asks staff privately. */
export type MatchTier = 'public' | 'review';

/** One hit: the lexicon word (or detector name), its category and its UTF-16 span [start, end) in the original text. */
export interface ScanMatch {
  word: string;
  category: string;
  start: number;
  end: number;
  layer?: MatchLayer;
  /** Confidence tier; absent means `public` (contact ids, phone numbers, links). */
  tier?: MatchTier;
  /** Why an uncertain hit was raised, for the staff note (e.g. 'uncategorised word'). */
  reason?: string;
}

/** Outcome of scanning one message: `flagged` and `categories` count public hits only; `matches` holds every tier. */
export interface ScanResult {
  flagged: boolean;
  categories: string[];
  matches: ScanMatch[];
}

/** The tier of a hit (absent means public). */
export function tierOf(match: ScanMatch): MatchTier {
  return match.tier ?? 'public';
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
  /** Minimum length (characters) of a 违法犯罪/未分类 word before it is reported (at the review tier); 0 turns them off. Default 2. */
  broadMinLength?: number;
  /** Link domains that never count as solicitation (the shop platforms). */
  allowedDomains?: string[];
  /** Everyday words that explain away a sound-alike hit that is itself one; default loadCommonWords(), null: none. */
  commonWords?: ReadonlySet<string> | null;
  /** Word segmentation that explains away a sound-alike hit cutting through words; default loadWordSegmenter(), null: none. */
  segmenter?: WordSegmenter | null;
  /** Slang, euphemism and contactless solicitation patterns (find-slang). Default true. */
  slang?: boolean;
  /** Drop hits a prohibitive context negates (拒绝网络赌博, 刷单是违规的). Default true. */
  prohibitiveContext?: boolean;
  /** The review tier's statistical second opinion (review-model.ts); default loadReviewModel(), null: none. */
  reviewModel?: ReviewModel | null;
  /** Character tables to use (default: the shared process-wide tables). */
  tables?: CharTables;
}
