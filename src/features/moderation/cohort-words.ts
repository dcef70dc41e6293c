import type { ScanMatch } from './detection/detector';
import type { CohortWord } from '../../stores/cohort-word-store';

/** The categories staff may give a word they add (the banned kinds of the rules). */
export const ADDABLE_CATEGORIES = ['政治', '色情', '赌博', '毒品', '暴恐', '辱骂', '广告'] as const;

/** Text as added words are looked for in it: NFKC (full-width → half-width), lower case, no spaces or punctuation. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * Applies a cohort's own word list to the detector's matches: a lifted word raises nothing in
 * this cohort (whichever layer found it), an added word is a sure hit of its category wherever
 * it appears, spaced out or in full-width letters too. Without a list the matches are returned
 * as they are.
 */
export function withCohortWords(matches: readonly ScanMatch[], text: string, words: readonly CohortWord[]): ScanMatch[] {
  if (words.length === 0) return [...matches];
  const lifted = new Set(words.filter((w) => w.op === 'lift').map((w) => fold(w.word)));
  const kept = lifted.size === 0 ? [...matches] : matches.filter((m) => !lifted.has(fold(m.word)) && !lifted.has(fold(text.slice(m.start, m.end))));
  const folded = fold(text);
  for (const w of words) {
    if (w.op !== 'add') continue;
    const needle = fold(w.word);
    if (!needle || !folded.includes(needle) || kept.some((m) => m.word === w.word && m.tier !== 'review')) continue;
    const at = text.indexOf(w.word);
    kept.push({ word: w.word, category: w.category, start: Math.max(at, 0), end: at >= 0 ? at + w.word.length : text.length, tier: 'public', reason: 'cohort word list' });
  }
  return kept;
}
