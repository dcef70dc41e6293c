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
  /**
   * Listed words that class chat mostly uses in their everyday sense (合作社王主席, 蜂王出台):
   * they act like 违法犯罪 words, a note to staff and never a public action on their own.
   */
  review?: string[];
}
