import type { Session } from '../../domain/types';

/** Hours taught on one training day, and where the figure came from. */
export interface DayHours {
  day: string;
  hours: number;
  /** 'actual' when every session of the day has 上课/下课 markers, 'mixed' when some do. */
  source: 'actual' | 'timetable' | 'mixed';
}

/**
 * Hours taught per training day (seed: 讲师要求及职责 2(1), at least 6 hours a day): the
 * lecturer's 上课/下课 markers where given, the timetable otherwise; a session marked only
 * 上课 ends at its timetabled end. Cancelled sessions count nothing.
 */
export function hoursByDay(sessions: Session[]): DayHours[] {
  const days = new Map<string, { ms: number; actual: number; total: number }>();
  for (const s of sessions) {
    if (s.cancelled) continue;
    const start = (s.actualStart ?? s.startsAt).getTime();
    const end = (s.actualEnd ?? s.endsAt).getTime();
    const d = days.get(s.day) ?? { ms: 0, actual: 0, total: 0 };
    d.ms += Math.max(0, end - start);
    d.total += 1;
    if (s.actualStart && s.actualEnd) d.actual += 1;
    days.set(s.day, d);
  }
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, d]) => ({
      day,
      hours: Math.round((d.ms / 3_600_000) * 100) / 100,
      source: d.actual === d.total ? 'actual' : d.actual === 0 ? 'timetable' : 'mixed',
    }));
}

/** Hours as people say them: 5小时53分, 6小时 (not 5.88). */
export function formatHours(hours: number): string {
  const minutes = Math.round(hours * 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h}小时` : h === 0 ? `${m}分钟` : `${h}小时${m}分`;
}

/** The session a 上课/下课 at `at` refers to: the one nearest in time within an hour of its span. */
export function sessionForMarker(sessions: Session[], at: Date): Session | null {
  const t = at.getTime();
  const HOUR = 3_600_000;
  const near = sessions.filter((s) => !s.cancelled && s.startsAt.getTime() - HOUR <= t && t <= s.endsAt.getTime() + HOUR);
  const distance = (s: Session) => (t < s.startsAt.getTime() ? s.startsAt.getTime() - t : t > s.endsAt.getTime() ? t - s.endsAt.getTime() : 0);
  return near.sort((a, b) => distance(a) - distance(b))[0] ?? null;
}
