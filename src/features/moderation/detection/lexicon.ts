import type { ModerationCategory } from './moderation-category';

/** One banned word and the product categories it belongs to. */
export interface LexiconEntry {
  word: string;
  categories: ModerationCategory[];
}

/** What a detector is built from: banned words and the ordinary words that must never fire. */
export interface Lexicon {
  entries: LexiconEntry[];
  allow: string[];
}
