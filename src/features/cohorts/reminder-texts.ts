import type { CohortSettings, Session } from '../../domain/types';
import { formatDayTime, formatTime } from '../../kernel/local-time';
import { maskPhonesInText } from '../../kernel/privacy';
import { formatSessionLine } from './timetable-service';

/** What a reminder shows of a session. */
export type ReminderSession = Pick<Session, 'startsAt' | 'endsAt' | 'title' | 'lecturerName'>;

/** What a reminder needs of its cohort. */
export interface ReminderCohort {
  timezone: string;
  settings: Pick<CohortSettings, 'signInOpensMinutes' | 'arriveEarlyMinutes'>;
}

/** How a session reminder writes an instant in a time zone: HH:mm and MM-dd HH:mm. */
export interface ReminderTimeFormat {
  time(at: Date, tz: string): string;
  dayTime(at: Date, tz: string): string;
}

/** The kernel's formatTime and formatDayTime, as every single reminder uses them. */
export const plainTimeFormat: ReminderTimeFormat = { time: formatTime, dayTime: formatDayTime };

/**
 * A ReminderTimeFormat that writes each instant and zone once: the reminders of one minute, one
 * per cohort, share their start (and mostly their zone), and writing a time in a zone is the
 * costly part of a reminder's text. For one batch; it keeps everything it wrote.
 */
export function rememberingTimeFormat(): ReminderTimeFormat {
  const written = new Map<string, string>();
  const remember = (kind: string, at: Date, tz: string, write: (at: Date, tz: string) => string) => {
    const key = `${kind}${at.getTime()} ${tz}`;
    let text = written.get(key);
    if (text === undefined) written.set(key, (text = write(at, tz)));
    return text;
  };
  return { time: (at, tz) => remember('t', at, tz, formatTime), dayTime: (at, tz) => remember('d', at, tz, formatDayTime) };
}

/** The reminder before a session (seed: 培训会场制度 (3) 提前 5 分钟入场, (4) 手机调为静音). */
export function sessionReminderText(session: ReminderSession, cohort: ReminderCohort, minutes: number, format: ReminderTimeFormat = plainTimeFormat): string {
  const tz = cohort.timezone;
  const line = `${format.time(session.startsAt, tz)}-${format.time(session.endsAt, tz)} ${session.title}${session.lecturerName ? `（${session.lecturerName}）` : ''}`;
  if (minutes >= 10) {
    const opens = new Date(session.startsAt.getTime() - cohort.settings.signInOpensMinutes * 60_000);
    return `⏰ ${minutes} 分钟后上课：${line}\n请提前 ${cohort.settings.arriveEarlyMinutes} 分钟到场签到，${format.time(opens, tz)} 起可以签到。开课前请将手机调为静音。`;
  }
  return `⏰ ${minutes} 分钟后上课：${line}\n还没签到的同学请马上发送“签到”。手机请调为静音。`;
}

/** The evening-before reminder of a training day, with the minutes early the cohort asks for (seed: 培训会场制度 (3)). */
export function dayReminderText(day: string, sessions: ReminderSession[], cohort: ReminderCohort): string {
  return [
    `📅 明天（${day.slice(5)}）的课程：`,
    ...sessions.map((s, i) => `${i + 1}. ${formatSessionLine(s, cohort.timezone)}`),
    `请提前 ${cohort.settings.arriveEarlyMinutes} 分钟到场签到，不迟到、不早退。`,
  ].join('\n');
}

/** The reminder to trainees who have not submitted before a homework deadline; the content is masked before it is cut, so no partial phone shows. */
export function homeworkReminderText(content: string, deadline: Date, tz: string, missing: number): string {
  return `📚 作业 ${formatDayTime(deadline, tz)} 截止，还有 ${missing} 位同学没交：${maskPhonesInText(content).slice(0, 60)}\n发送 #交作业 <内容> 提交。`;
}

/** The next-morning nudge to the lecturer (seed: 培训效果的维护 2 — 第二天对作业进行点评). */
export function reviewReminderText(cohortName: string, day: string, unreviewed: number): string {
  return `「${cohortName}」${day.slice(5)} 的作业还有 ${unreviewed} 份没有点评，请今天点评（在群里发送 #点评 查看）。`;
}

/**
 * When a reminder stops being worth sending, and how staff hear of it if it was not sent: a
 * session's reminder once the session begins, the evening-before reminder once the day's first
 * session begins.
 */
export function sessionReminderExpiry(session: ReminderSession, tz: string, minutes: number, format: ReminderTimeFormat = plainTimeFormat): { at: Date; what: string } {
  return { at: session.startsAt, what: `上课前 ${minutes} 分钟提醒（${format.dayTime(session.startsAt, tz)} ${session.title}）` };
}

/** See sessionReminderExpiry; null for a day without sessions. */
export function dayReminderExpiry(day: string, sessions: ReminderSession[]): { at: Date; what: string } | null {
  const first = sessions.reduce<ReminderSession | null>((a, s) => (a && a.startsAt <= s.startsAt ? a : s), null);
  return first ? { at: first.startsAt, what: `${day.slice(5)} 课程的前一晚提醒` } : null;
}

/** See sessionReminderExpiry: a homework reminder expires at the deadline. */
export function homeworkReminderExpiry(deadline: Date, tz: string): { at: Date; what: string } {
  return { at: deadline, what: `作业截止提醒（${formatDayTime(deadline, tz)} 截止）` };
}
