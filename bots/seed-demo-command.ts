import { DateTime } from 'luxon';
import { loadConfig } from '../src/kernel/load-config';
import { clockFrom } from '../src/kernel/clock';
import { connectMongo } from '../src/stores/connect-mongo';
import { makeCohortCode } from '../src/features/cohorts/cohort-code';
import { parseTimetable } from '../src/features/cohorts/timetable-parse';
import { submitPlan } from '../src/features/cohorts/plan-service';
import { replanCohortJobs } from '../src/features/cohorts/session-planner';
import { startHotState } from '../src/stores/hot/redis-change-feed';
import type { HotState } from '../src/stores/hot/hot-state';
import { createStores, type Stores } from '../src/stores/create-stores';
import { BullmqScheduler, reminderSettings } from '../src/queue/bullmq-scheduler';
import type { JobScheduler } from '../src/queue/job-scheduler';
import { WORK_QUEUE } from '../src/queue/queue-names';
import { createRedis } from '../src/queue/redis-connection';
import type { Cohort } from '../src/domain/types';
import type { ChatUser, Platform } from '../src/platform/chat-event';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['秀英', '建国', '桂兰', '志强', '丽娟', '海燕', '军', '红梅', '小龙', '春花'];

/** The id of the demo lecturer (the demo's staff is the first ADMIN_IDS entry, else demo-staff). */
export const DEMO_LECTURER: ChatUser = { id: 'demo-lecturer', name: '张老师' };

/** What a demo cohort is to be made of. */
export interface DemoOptions {
  platform: Platform;
  /** Time zone of the cohort; "today" is the scheduler's today there. */
  timezone: string;
  staff: ChatUser;
  trainees: number;
  /** The platform group to bind the cohort to, when there is one. */
  groupId?: string;
}

/** A demo cohort as created: who is in it and what was planned. */
export interface SeededDemo {
  cohort: Cohort;
  staff: ChatUser;
  lecturer: ChatUser;
  trainees: ChatUser[];
  sessions: number;
  /** Jobs planned on the scheduler (reminders, closings, the surveys). */
  jobs: number;
}

/**
 * Creates a demo cohort: an approved plan, a two-day timetable from the scheduler's today
 * (09:00-12:00 and 14:00-17:00), a lecturer, staff and trainees with registration forms
 * (made-up names, placeholder phone numbers), bound to the group when one is given. Its jobs
 * are planned as an approval plans them (replanCohortJobs), so reminders and closings run.
 */
export async function seedDemo(stores: Stores, scheduler: JobScheduler, options: DemoOptions): Promise<SeededDemo> {
  const { platform, timezone: tz, staff } = options;
  const now = scheduler.now();
  const today = DateTime.fromJSDate(now, { zone: tz }).startOf('day');
  const start = today.toFormat('yyyy-MM-dd');
  const end = today.plus({ days: 1 }).toFormat('yyyy-MM-dd');
  const cohort = await stores.cohorts.create({ name: '电商直播演示班', startDate: start, endDate: end, location: '县电商公共服务中心', timezone: tz, createdBy: staff.id }, makeCohortCode);
  await stores.members.setRole(cohort.id, platform, staff, 'staff', now);
  await stores.members.setRole(cohort.id, platform, DEMO_LECTURER, 'lecturer', now);
  const lines = [0, 1].flatMap((d) => {
    const day = today.plus({ days: d }).toFormat('MM-dd');
    return [`${day} 09:00-12:00 ${d === 0 ? '开店与选品' : '直播实操'} 张老师`, `${day} 14:00-17:00 ${d === 0 ? '短视频拍摄' : '复盘与答疑'} 张老师`];
  });
  const { sessions } = parseTimetable(lines, cohort);
  await stores.sessions.upsertMany(cohort.id, sessions);
  await stores.cohorts.markTimetableProvided(cohort.id, now);
  const trainees = Array.from({ length: options.trainees }, (_, i) => ({ id: `demo-trainee-${i + 1}`, name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}` }));
  await stores.members.enrolTrainees(cohort.id, platform, trainees, now);
  for (const [i, t] of trainees.entries()) {
    await stores.registrations.save({
      cohortId: cohort.id,
      platform,
      userId: t.id,
      realName: t.name,
      phone: `1550000${String(1000 + i).slice(-4)}`,
      village: `城关镇${['东关', '西关', '南街', '北街'][i % 4]}村`,
      products: ['核桃', '小米', '红枣', '土鸡蛋'][i % 4]!,
      experience: i % 3 === 0 ? '开过淘宝店' : '',
    });
  }
  if (options.groupId) await stores.bindings.bind({ platform, groupId: options.groupId, cohortId: cohort.id, title: cohort.name, boundBy: staff.id });
  await submitPlan(stores, cohort, staff.id, now);
  const approved = await stores.cohorts.setPlanStatus(cohort.id, ['submitted'], 'approved', { at: now, by: staff.id });
  if (!approved) throw new Error(`demo cohort ${cohort.code} could not be approved`);
  const jobs = await replanCohortJobs(stores, scheduler, approved);
  return { cohort: approved, staff, lecturer: DEMO_LECTURER, trainees, sessions: sessions.length, jobs };
}

/** The demo's staff member: the first administrator, else a made-up one. */
export function demoStaff(adminIds: string[]): ChatUser {
  return { id: adminIds[0] ?? 'demo-staff', name: '演示工作人员' };
}

/**
 * `cohort-bot seed-demo [--trainees N] [--group <platform group id>]`: a demo cohort (see
 * seedDemo) with its jobs planned, bound to the given group of BOT_PLATFORM.
 */
export async function runSeedDemoCommand(
  args: string[],
  io: { env: NodeJS.ProcessEnv; out: NodeJS.WritableStream } = { env: process.env, out: process.stdout },
): Promise<number> {
  const n = Math.min(200, Math.max(1, Number(args[args.indexOf('--trainees') + 1]) || 20));
  const groupId = args.includes('--group') ? args[args.indexOf('--group') + 1] : undefined;
  const config = loadConfig(io.env);
  const conn = await connectMongo(config.MONGODB_URI);
  const redis = createRedis(config.REDIS_URL, config.REDIS_CLUSTER_NODES);
  const scheduler = new BullmqScheduler(redis, config.QUEUE_PREFIX, WORK_QUEUE, clockFrom(config.SIMULATED_CLOCK), reminderSettings(config));
  let hot: HotState | undefined;
  try {
    // A running bot keeps the timetable in memory: announce what this command writes.
    hot = await startHotState(redis, config.QUEUE_PREFIX, undefined, { cache: false });
    const stores = await createStores(conn, { hot });
    const demo = await seedDemo(stores, scheduler, { platform: config.BOT_PLATFORM, timezone: config.TZ_DEFAULT, staff: demoStaff(config.ADMIN_IDS), trainees: n, groupId });
    const { cohort } = demo;
    io.out.write(
      `demo cohort ${cohort.code}: ${cohort.name}, ${cohort.startDate} to ${cohort.endDate}, ${n} trainees, ${demo.sessions} sessions, plan approved, ${demo.jobs} jobs planned` +
        `${groupId ? `, bound to ${config.BOT_PLATFORM} group ${groupId}` : ` (bind it in a group with #绑定 ${cohort.code})`}\n`,
    );
    return 0;
  } finally {
    await hot?.close();
    await scheduler.close();
    await redis.quit().catch(() => redis.disconnect());
    await conn.close();
  }
}
