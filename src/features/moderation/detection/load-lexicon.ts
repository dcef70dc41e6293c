import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lexicon, LexiconEntry } from './lexicon';
import type { ModerationCategory } from './moderation-category';
import { parseWordList } from './parse-word-list';

/** Options for loadLexicon: extra allow-list files besides the project's own. */
export interface LoadLexiconOptions {
  allowPaths?: string[];
  /** Directory holding starter-lexicon.jsonl and allow.txt (default: the repo's data/moderation). */
  dataDir?: string;
}

/**
 * Load word lists into one Lexicon, merging categories of repeated words. No paths (or an
 * empty list): the project's starter list. The project's allow-lists (allow.txt and the
 * THUOCL-derived domain-allow.txt) are always included.
 */
export async function loadLexicon(paths?: string[], options: LoadLexiconOptions = {}): Promise<Lexicon> {
  const dataDir = options.dataDir ?? findDataDir();
  const sources = paths && paths.length > 0 ? paths : [path.join(dataDir, 'starter-lexicon.jsonl')];
  const byWord = new Map<string, Set<ModerationCategory>>();
  for (const file of sources) {
    const entries = parseWordList(await readFile(file, 'utf8'), file);
    for (const { word, categories } of entries) {
      let set = byWord.get(word);
      if (!set) byWord.set(word, (set = new Set()));
      for (const c of categories) set.add(c);
    }
  }
  const entries: LexiconEntry[] = [];
  for (const [word, set] of byWord) {
    // A word listed as 未分类 in one file and categorised in another keeps the real category.
    const categories = set.size > 1 ? [...set].filter((c) => c !== '未分类') : [...set];
    entries.push({ word, categories });
  }
  const allow = new Set<string>();
  for (const file of [path.join(dataDir, 'allow.txt'), path.join(dataDir, 'domain-allow.txt'), ...(options.allowPaths ?? [])]) {
    if (!existsSync(file) && file.endsWith('domain-allow.txt')) continue;
    for (const { word } of parseWordList(await readFile(file, 'utf8'), file)) allow.add(word);
  }
  const reviewFile = path.join(dataDir, 'review-words.txt');
  const review = existsSync(reviewFile) ? parseWordList(await readFile(reviewFile, 'utf8'), reviewFile).map((e) => e.word) : [];
  return { entries, allow: [...allow], review };
}

/** The repo's data/moderation directory, found from this file in src/ or in dist/src/. */
export function findDataDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'data', 'moderation');
    if (existsSync(path.join(candidate, 'starter-lexicon.jsonl'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`MODERATION_DATA_NOT_FOUND: data/moderation not found above ${__dirname}`);
}
