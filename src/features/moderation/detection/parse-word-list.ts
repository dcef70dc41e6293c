import type { LexiconEntry } from './lexicon';
import { toModerationCategory, type ModerationCategory } from './moderation-category';

/**
 * Parse one word-list file: JSON lines `{"w": word, "cats": [...]}` or one word per line
 * (detected by content). Plain lists take their category from the file name
 * (`色情.txt`, `ads-solicitation.txt`), else 未分类. Blank lines and `#` comments are skipped.
 */
export function parseWordList(text: string, fileName = ''): LexiconEntry[] {
  const lines = text.split(/\r?\n/);
  const firstContent = lines.find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const jsonLines = firstContent !== undefined && firstContent.trim().startsWith('{');
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const fileCategory = toModerationCategory(base);
  const entries: LexiconEntry[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (!jsonLines) {
      entries.push({ word: line, categories: [fileCategory] });
      continue;
    }
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null) continue;
    const { w, cats } = parsed as { w?: unknown; cats?: unknown };
    if (typeof w !== 'string' || w.trim() === '') continue;
    const categories: ModerationCategory[] = Array.isArray(cats)
      ? [...new Set(cats.filter((c): c is string => typeof c === 'string').map(toModerationCategory))]
      : [];
    entries.push({ word: w.trim(), categories: categories.length > 0 ? categories : ['未分类'] });
  }
  return entries;
}
