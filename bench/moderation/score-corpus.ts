import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One clean line of the moderation corpus. */
export interface CleanLine {
  id: string;
  text: string;
}

/** One dirty line: a lexicon word, disguised (`evasion`), inserted into the clean line `host`. */
export interface DirtyLine {
  id: string;
  text: string;
  host: string;
  category: string;
  word: string;
  evasion: string;
  evaded: string;
}

/** The development corpus (../shared/corpus). */
export interface Corpus {
  clean: CleanLine[];
  dirty: DirtyLine[];
}

/** Recall per disguise variant and overall, and the false-positive rate on clean lines. */
export interface CorpusScore {
  recall: number;
  recallByVariant: Record<string, number>;
  falsePositiveRate: number;
  caught: number;
  dirty: number;
  falsePositives: number;
  clean: number;
  missed: DirtyLine[];
  falseAlarms: Array<{ line: CleanLine; hits: string[] }>;
}

/** Read clean.jsonl and dirty.jsonl from a corpus directory. */
export function loadCorpus(dir: string): Corpus {
  const read = <T>(file: string): T[] =>
    readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as T);
  return { clean: read<CleanLine>('clean.jsonl'), dirty: read<DirtyLine>('dirty.jsonl') };
}

/**
 * Score a matcher the way the corpus README does: a dirty line is caught when the matcher
 * reports a hit its host clean line did not have (hits compared as a multiset of keys);
 * a clean line with any hit is a false positive.
 */
export function scoreCorpus(corpus: Corpus, hitsOf: (text: string) => string[]): CorpusScore {
  const hostHits = new Map<string, string[]>();
  const falseAlarms: CorpusScore['falseAlarms'] = [];
  for (const line of corpus.clean) {
    const hits = hitsOf(line.text);
    hostHits.set(line.id, hits);
    if (hits.length > 0) falseAlarms.push({ line, hits });
  }
  const byVariant = new Map<string, { caught: number; total: number }>();
  const missed: DirtyLine[] = [];
  let caught = 0;
  for (const line of corpus.dirty) {
    const remaining = new Map<string, number>();
    for (const h of hostHits.get(line.host) ?? []) remaining.set(h, (remaining.get(h) ?? 0) + 1);
    let isCaught = false;
    for (const h of hitsOf(line.text)) {
      const left = remaining.get(h) ?? 0;
      if (left > 0) remaining.set(h, left - 1);
      else {
        isCaught = true;
        break;
      }
    }
    const v = byVariant.get(line.evasion) ?? { caught: 0, total: 0 };
    v.total++;
    if (isCaught) {
      v.caught++;
      caught++;
    } else missed.push(line);
    byVariant.set(line.evasion, v);
  }
  const recallByVariant: Record<string, number> = {};
  for (const [variant, v] of byVariant) recallByVariant[variant] = v.caught / v.total;
  return {
    recall: caught / corpus.dirty.length,
    recallByVariant,
    falsePositiveRate: falseAlarms.length / corpus.clean.length,
    caught,
    dirty: corpus.dirty.length,
    falsePositives: falseAlarms.length,
    clean: corpus.clean.length,
    missed,
    falseAlarms,
  };
}
