import { createHash } from 'node:crypto';
import path from 'node:path';
import { loadCorpus } from '../../../../../bench/moderation/score-corpus';
import type { Detector, ScanResult } from '../../../../../src/features/moderation/detection/detector';

/** The texts whose verdicts are pinned: every shared-corpus line, two lines run together, and a cut-off tail of each. */
export function snapshotTexts(sharedDir: string): string[] {
  const corpus = loadCorpus(path.join(sharedDir, 'corpus'));
  const lines = [...corpus.clean, ...corpus.dirty].map((l) => l.text);
  const texts = [...lines];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const next = lines[(i * 7 + 1) % lines.length] as string;
    texts.push(i % 2 === 0 ? `${line}${next}` : `${line}，${next}`);
    texts.push(line.slice(i % Math.max(line.length, 1)));
  }
  return texts;
}

/** One line per text: everything a scan returns (verdict, categories, every match with span, layer, tier and reason). */
export function verdictLine(result: ScanResult): string {
  return JSON.stringify([
    result.flagged,
    result.categories,
    result.matches.map((m) => [m.word, m.category, m.start, m.end, m.layer ?? null, m.tier ?? null, m.reason ?? null]),
  ]);
}

/** SHA-256 over the verdict lines of every text, and how many texts were flagged. */
export function verdictDigest(detector: Detector, texts: readonly string[]): { sha256: string; texts: number; flagged: number; matches: number } {
  const hash = createHash('sha256');
  let flagged = 0;
  let matches = 0;
  for (const text of texts) {
    const result = detector.scan(text);
    if (result.flagged) flagged++;
    matches += result.matches.length;
    hash.update(verdictLine(result));
    hash.update('\n');
  }
  return { sha256: hash.digest('hex'), texts: texts.length, flagged, matches };
}
