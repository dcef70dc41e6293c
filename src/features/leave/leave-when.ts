import { DateTime } from 'luxon';

/** A day as a trainee names it, before it is placed on the calendar. */
export type DayRef =
  | { kind: 'offset'; days: number; word: string }
  | { kind: 'weekday'; weekday: number; weeksAhead: number; word: string }
  | { kind: 'date'; month: number; day: number; year?: number; word: string };

/** Part of a day, as 上午/下午/晚上 name it. */
export type DayPart = 'morning' | 'afternoon' | 'evening';

/** When a 请假 message says the leave is for, read from anywhere in its text. */
export interface LeaveWhen {
  /** Every day named, in the order written (more than one distinct day is unclear). */
  days: DayRef[];
  part?: DayPart;
  /** 第N节: the number 课表 shows next to a session. */
  sessionNo?: number;
}

const RELATIVE: Record<string, number> = { 今天: 0, 今日: 0, 今儿: 0, 明天: 1, 明日: 1, 明儿: 1, 后天: 2, 大后天: 3 };
const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };
const PARTS: Record<string, DayPart> = { 上午: 'morning', 早上: 'morning', 中午: 'afternoon', 下午: 'afternoon', 晚上: 'evening' };
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Each kind of expression, and how it adds to what is understood; false when the match is not one after all (13-45). */
const EXPRESSIONS: { re: RegExp; read: (m: RegExpExecArray, when: LeaveWhen) => boolean | void }[] = [
  {
    re: /(?<!\d)(?:(\d{4})\s*[-年/.]\s*)?(\d{1,2})\s*(?:月|-|\/)\s*(\d{1,2})\s*[日号]?(?![\d天个小周])/gu,
    read: (m, w) => {
      const month = Number(m[2]);
      const day = Number(m[3]);
      if (month < 1 || month > 12 || day < 1 || day > 31) return false;
      w.days.push({ kind: 'date', year: m[1] ? Number(m[1]) : undefined, month, day, word: m[0] });
      return true;
    },
  },
  {
    re: /大后天|今天|今日|今儿|明天|明日|明儿|后天/gu,
    read: (m, w) => void w.days.push({ kind: 'offset', days: RELATIVE[m[0]]!, word: m[0] }),
  },
  {
    re: /(下下|下)?(?:周|星期|礼拜)([一二三四五六日天1-7])/gu,
    read: (m, w) => void w.days.push({ kind: 'weekday', weekday: WEEKDAY[m[2]!]!, weeksAhead: m[1] === '下下' ? 2 : m[1] ? 1 : 0, word: m[0] }),
  },
  {
    re: /第\s*([0-9]{1,3}|[一二两三四五六七八九十]{1,2})\s*[节堂]课?/gu,
    read: (m, w) => void (w.sessionNo ??= chineseNumber(m[1]!)),
  },
  {
    re: /上午|早上|中午|下午|晚上/gu,
    read: (m, w) => void (w.part ??= PARTS[m[0]]),
  },
];

function chineseNumber(text: string): number {
  if (/^\d+$/u.test(text)) return Number(text);
  if (text.length === 2 && text[0] === '十') return 10 + (CN_DIGITS[text[1]!] ?? 0);
  if (text.length === 2 && text[1] === '十') return (CN_DIGITS[text[0]!] ?? 0) * 10;
  return CN_DIGITS[text] ?? 0;
}

/** Filler around a date that carries no reason: 「明天的」「请假」「一天」. */
const FILLER = /^(?:的|请假|请一天假|一天|全天|整天|[，,。.、\s])*$/u;

/**
 * Reads when a leave is for from anywhere in the text (今天/明天/后天, 周三/下周三, 12月5日,
 * 03-05, 上午/下午, 第N节) and the reason without the words that only said when. A word that sits
 * inside the reason (「下午有事」) is understood and left in the reason; one written on its own
 * (「明天 家里有事」) is taken out of it.
 */
export function readLeaveText(text: string): { reason: string; when: LeaveWhen } {
  const when: LeaveWhen = { days: [] };
  const spans: [number, number][] = [];
  for (const { re, read } of EXPRESSIONS) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      // One stretch of text is one expression: 12月5日 is not also a weekday or a number.
      if (spans.some(([a, b]) => start < b && end > a)) continue;
      if (read(m, when) === false) continue;
      spans.push([start, end]);
    }
  }
  const reason = text
    .split(/\s+/u)
    .filter((token) => token !== '' && !FILLER.test(withoutSpans(token, text, spans)))
    .join(' ');
  return { reason, when };
}

/** A token with the date words found in it removed (to tell a token that only says when). */
function withoutSpans(token: string, text: string, spans: [number, number][]): string {
  let out = token;
  for (const [a, b] of spans) out = out.split(text.slice(a, b)).join('');
  return out;
}

/** The calendar day (yyyy-MM-dd) a named day is, seen from `today` (yyyy-MM-dd); dates without a year take the year that keeps them from the past. */
export function placeDay(ref: DayRef, today: string): string | null {
  const base = DateTime.fromISO(today);
  switch (ref.kind) {
    case 'offset':
      return base.plus({ days: ref.days }).toISODate();
    case 'weekday':
      // 周三: the coming Wednesday (today when it is one); 下周三: Wednesday of next calendar week.
      if (ref.weeksAhead === 0) return base.plus({ days: (ref.weekday - base.weekday + 7) % 7 }).toISODate();
      return base.startOf('week').plus({ weeks: ref.weeksAhead, days: ref.weekday - 1 }).toISODate();
    case 'date': {
      const year = ref.year ?? base.year;
      let dt = DateTime.fromObject({ year, month: ref.month, day: ref.day });
      if (!dt.isValid) return null;
      // 「1月3日」 written in December means next January.
      if (ref.year === undefined && dt < base.minus({ months: 6 })) dt = dt.plus({ years: 1 });
      return dt.toISODate();
    }
  }
}

/** Which part of the day a session starting at this local hour belongs to. */
export function partOfDay(localHour: number): DayPart {
  return localHour < 12 ? 'morning' : localHour < 18 ? 'afternoon' : 'evening';
}
