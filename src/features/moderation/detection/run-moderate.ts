import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import type { Detector } from './detector';
import { loadDetectorBuilder } from './detector-holder';
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
 * The lines of a UTF-8 stream, as `moderate` reads them: a line ends at \n or \r\n, nothing
 * else. A lone \r (not followed by \n) is a character of the line it stands in, as chat text
 * may hold one, so it never adds a line. A last line without an end counts; an input that ends
 * with a line end has no empty line after it.
 */
export async function* readLines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const cut = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
      yield cut(pending.slice(start, end));
      start = end + 1;
    }
    pending = pending.slice(start);
  }
  pending += decoder.end();
  if (pending !== '') yield pending;
}

/**
 * The `moderate` command: read messages one per line (lines as `readLines` splits them), write
 * one JSON object per input line in the same order, `{"text","flagged","categories","matches":[{"word","category","start","end","tier"}],"action"}`;
 * each hit's tier is the public action it leads to (warn, escalate) or `review` (staff only, SPEC §6).
 * Streams line by line and waits for the output to drain, so memory stays flat on any input size.
 */
export async function runModerate(options: RunModerateOptions): Promise<{ lines: number }> {
  const detector = options.detector ?? (await loadDetectorBuilder()).createDetector(await loadLexicon(options.lexiconPaths));
  const { output } = options;
  let lines = 0;
  for await (const text of readLines(options.input)) {
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
