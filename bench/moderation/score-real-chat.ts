import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One line of the hand-written class-chat corpus (test/fixtures/moderation/real-chat). */
export interface RealChatLine {
  text: string;
  /** 'clean' or the moderation category the line violates. */
  label: string;
  /** 'tune' lines may guide rule changes; 'holdout' lines are only ever scored. */
  split: 'tune' | 'holdout';
}

/** What a matcher reports for one line: its hits split by tier. */
export interface TieredHits {
  /** Hits that lead to a public action (warning ladder or escalation). */
  public: string[];
  /** Hits that only send a private note to staff. */
  review: string[];
}

/** Scores of one split of the real-chat corpus. */
export interface RealChatScore {
  split: string;
  clean: number;
  violations: number;
  /** Violating lines with any hit (public or review). */
  recall: number;
  /** Violating lines with a public hit. */
  publicRecall: number;
  /** Clean lines with a public hit. */
  publicFalseAlarmRate: number;
  /** Clean lines with review-tier hits only (a private note to staff). */
  reviewNoteRate: number;
  missed: RealChatLine[];
  falseAlarms: Array<{ line: RealChatLine; hits: string[] }>;
  reviewNotes: Array<{ line: RealChatLine; hits: string[] }>;
}

/** The directory of the real-chat fixtures, from the repository root. */
export function realChatDir(root: string): string {
  return path.join(root, 'test', 'fixtures', 'moderation', 'real-chat');
}

/** Read clean.jsonl and violations.jsonl of the real-chat corpus. */
export function loadRealChat(dir: string): RealChatLine[] {
  const lines: RealChatLine[] = [];
  for (const file of ['clean.jsonl', 'violations.jsonl']) {
    for (const raw of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (raw.trim() !== '') lines.push(JSON.parse(raw) as RealChatLine);
    }
  }
  return lines;
}

/**
 * Score one split: a violating line is caught when the matcher reports any hit (publicly
 * caught when a hit is public); a clean line is a false alarm when it gets a public hit and a
 * review note when it gets review-tier hits only.
 */
export function scoreRealChat(lines: readonly RealChatLine[], split: 'tune' | 'holdout' | 'all', hitsOf: (text: string) => TieredHits): RealChatScore {
  const chosen = lines.filter((l) => split === 'all' || l.split === split);
  const missed: RealChatLine[] = [];
  const falseAlarms: RealChatScore['falseAlarms'] = [];
  const reviewNotes: RealChatScore['reviewNotes'] = [];
  let clean = 0;
  let violations = 0;
  let caught = 0;
  let caughtPublic = 0;
  for (const line of chosen) {
    const hits = hitsOf(line.text);
    if (line.label === 'clean') {
      clean++;
      if (hits.public.length > 0) falseAlarms.push({ line, hits: hits.public });
      else if (hits.review.length > 0) reviewNotes.push({ line, hits: hits.review });
      continue;
    }
    violations++;
    if (hits.public.length > 0) caughtPublic++;
    if (hits.public.length > 0 || hits.review.length > 0) caught++;
    else missed.push(line);
  }
  return {
    split,
    clean,
    violations,
    recall: violations === 0 ? 0 : caught / violations,
    publicRecall: violations === 0 ? 0 : caughtPublic / violations,
    publicFalseAlarmRate: clean === 0 ? 0 : falseAlarms.length / clean,
    reviewNoteRate: clean === 0 ? 0 : reviewNotes.length / clean,
    missed,
    falseAlarms,
    reviewNotes,
  };
}
