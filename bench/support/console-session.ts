/**
 * Setup for the console benchmark: one cohort seeded mid-course by the digest's week seeder, and
 * a staff member signed in to the running console the way a browser does it (a one-time link
 * made by the production code, its confirm page read, the form posted), so the measured requests
 * carry a real session cookie. Not measured.
 */
import type { Connection } from 'mongoose';
import { createSignInLink } from '../../src/features/console-access';
import type { Stores } from '../../src/stores/create-stores';
import { seedWeek, weekDay } from './week-seed';

/** Training days held before the measured morning: with two sessions a day and the day still to come, 20 sessions. */
export const CONSOLE_HELD_DAYS = 9;

/** The seeded cohort's id, its staff member (seedWeek names cohort i's staff `bench-staff-<i>`) and the seeding time. */
export interface ConsoleCohort {
  cohortId: string;
  staffId: string;
  sessions: number;
  ms: number;
}

/** Seeds one approved cohort of `trainees` trainees with CONSOLE_HELD_DAYS held days and one to come (2 sessions a day). */
export async function seedConsoleCohort(conn: Connection, trainees: number): Promise<ConsoleCohort> {
  const seeded = await seedWeek(conn, { cohorts: 1, traineesPerCohort: trainees, heldDays: CONSOLE_HELD_DAYS });
  return { cohortId: seeded.cohortIds[0]!, staffId: 'bench-staff-0', sessions: seeded.counts.sessions ?? 0, ms: seeded.ms };
}

/** The measured morning: the last training day, before its first session. */
export const consoleMorningDay = (): string => weekDay(CONSOLE_HELD_DAYS);

/**
 * Signs `userId` in to the console at `baseUrl` over HTTP: a link made with the console's secret,
 * its confirm page fetched, the form posted. Returns the `name=value` of the session cookie.
 */
export async function signInOverHttp(baseUrl: string, stores: Pick<Stores, 'console'>, options: { secret: string; minutes: number; now: Date; userId: string }): Promise<string> {
  const link = await createSignInLink(stores.console, { secret: options.secret, publicUrl: baseUrl, minutes: options.minutes, now: options.now }, { platform: 'wechaty', userId: options.userId });
  const confirm = await (await fetch(link.url)).text();
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(confirm)?.[1] ?? '';
  const res = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: field('token'), _csrf: field('_csrf') }).toString(),
    redirect: 'manual',
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('cb_console='));
  if (res.status !== 303 || !cookie) throw new Error(`console sign-in failed: status ${res.status}`);
  return cookie.split(';')[0]!;
}
