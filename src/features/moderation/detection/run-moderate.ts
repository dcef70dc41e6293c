import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { createDetector } from './create-detector';
import type { Detector } from './detector';
import { loadLexicon } from './load-lexicon';
import { tierOf } from './detector';
import { actionFor } from './moderation-policy';

/** Inputs of runModerate: where messages come from and go to, and which word lists to use. */
export interface RunModerateOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Word lists (one word per line or JSON lines); empty or unset: the project's starter list. */
  lexiconPaths?: string[];
  /** A ready detector (tests, benchmarks); when given, lexiconPaths is ignored. */
  detector?: Detector;
}

/**
 * The `moderate` command: read messages one per line, write one JSON object per line in the
 * same order, `{"text","flagged","categories","matches":[{"word","category","start","end","tier"}],"action"}`;
 * each hit's tier is the public action it leads to (warn, escalate) or `review` (staff only, SPEC §6).
 * Streams line by line and waits for the output to drain, so memory stays flat on any input size.
 */
export async function runModerate(options: RunModerateOptions): Promise<{ lines: number }> {
  const detector = options.detector ?? createDetector(await loadLexicon(options.lexiconPaths));
  const { output } = options;
  const reader = createInterface({ input: options.input, crlfDelay: Infinity });
  let lines = 0;
  for await (const raw of reader) {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const result = detector.scan(text);
    const record = {
      text,
      flagged: result.flagged,
      categories: result.categories,
      matches: result.matches.map((m) => ({ word: m.word, category: m.category, start: m.start, end: m.end, tier: tierOf(m) === 'review' ? 'review' : actionFor([m.category]) })),
      action: actionFor(result.categories, result.matches.length > 0),
    };
    lines++;
    if (!output.write(`${JSON.stringify(record)}\n`)) await once(output, 'drain');
  }
  return { lines };
}
