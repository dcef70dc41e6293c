/**
 * Reads a sign-in board as the group sees it, for tests that check what it says: the counts
 * line (已签到 N/M · 迟到 k · 请假 l · 缺勤 a · 未签到 u, zero counts left out) and the lists of
 * exceptions by name, each possibly cut short with 「等 N 人」.
 */

/** The board's counts; a group the board leaves out counts 0. */
export interface BoardCounts {
  present: number;
  total: number;
  late: number;
  leave: number;
  absent: number;
  missing: number;
}

type Listed = 'late' | 'leave' | 'absent' | 'missing' | 'notEarly';

/** What one board says. */
export interface ParsedBoard {
  counts: BoardCounts;
  /** The names each list shows (late ones without their minutes). */
  named: Record<Listed, string[]>;
  /** Minutes late per late name shown. */
  minutesLate: Record<string, number>;
  /** Whether a list shows everyone in it (no 「等 N 人」). */
  complete: Record<Listed, boolean>;
  lines: string[];
}

const COUNT_WORDS: Record<string, keyof BoardCounts> = { 迟到: 'late', 请假: 'leave', 缺勤: 'absent', 未签到: 'missing' };
const LIST_PREFIXES: [Listed, string][] = [
  ['notEarly', '🔔 未提前入场：'],
  ['late', '⏰ 迟到：'],
  ['leave', '📝 请假：'],
  ['absent', '❌ 缺勤：'],
  ['missing', '⬜ 未签到：'],
];

/** Whether a message is a sign-in board (the live one; the closing one starts with a sentence before it). */
export function isBoard(text: string): boolean {
  return text.startsWith('📋 签到 ');
}

/** Parses a board; throws when the text has no counts line. */
export function parseBoard(text: string): ParsedBoard {
  const lines = text.split('\n');
  const countsLine = lines.find((l) => l.startsWith('已签到 '));
  const head = countsLine && /^已签到 (\d+)\/(\d+)/.exec(countsLine);
  if (!countsLine || !head) throw new Error(`not a sign-in board: ${text}`);
  const counts: BoardCounts = { present: Number(head[1]), total: Number(head[2]), late: 0, leave: 0, absent: 0, missing: 0 };
  for (const part of countsLine.split(' · ').slice(1)) {
    const m = /^(\S+) (\d+)$/.exec(part);
    const key = m && COUNT_WORDS[m[1]!];
    if (!key) throw new Error(`unknown count: ${part}`);
    counts[key] = Number(m[2]);
  }
  const named = { late: [], leave: [], absent: [], missing: [], notEarly: [] } as Record<Listed, string[]>;
  const complete = { late: true, leave: true, absent: true, missing: true, notEarly: true } as Record<Listed, boolean>;
  const minutesLate: Record<string, number> = {};
  for (const [key, prefix] of LIST_PREFIXES) {
    const line = lines.find((l) => l.startsWith(prefix));
    if (!line) continue;
    let body = line.slice(prefix.length);
    const more = / 等 \d+ 人$/.exec(body);
    if (more) {
      body = body.slice(0, more.index);
      complete[key] = false;
    }
    for (const item of body.split('、')) {
      const late = /^(.*)\((\d+)分钟\)$/.exec(item);
      if (key === 'late' && late) minutesLate[late[1]!] = Number(late[2]);
      named[key].push(key === 'late' && late ? late[1]! : item);
    }
  }
  return { counts, named, minutesLate, complete, lines };
}
