import { DateTime } from 'luxon';
import { loadConfig } from '../src/kernel/load-config';
import { connectMongo } from '../src/stores/connect-mongo';
import { makeCohortCode } from '../src/features/cohorts/cohort-code';
import { parseTimetable } from '../src/features/cohorts/timetable-parse';
import { createStores } from '../src/stores/create-stores';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['秀英', '建国', '桂兰', '志强', '丽娟', '海燕', '军', '红梅', '小龙', '春花'];

/**
 * `cohort-bot seed-demo [--trainees N] [--group <platform group id>]`: a demo cohort with an
 * approved plan, a two-day timetable from today, a lecturer, staff and trainees with
 * registration forms (made-up names and placeholder phone numbers), bound to the given group.
 */
export async function runSeedDemoCommand(
  args: string[],
  io: { env: NodeJS.ProcessEnv; out: NodeJS.WritableStream } = { env: process.env, out: process.stdout },
): Promise<number> {
  const n = Math.min(200, Math.max(1, Number(args[args.indexOf('--trainees') + 1]) || 20));
  const groupId = args.includes('--group') ? args[args.indexOf('--group') + 1] : undefined;
  const config = loadConfig(io.env);
  const conn = await connectMongo(config.MONGODB_URI);
  try {
    const stores = await createStores(conn);
    const tz = config.TZ_DEFAULT;
    const today = DateTime.now().setZone(tz);
    const start = today.toFormat('yyyy-MM-dd');
    const end = today.plus({ days: 1 }).toFormat('yyyy-MM-dd');
    const staffId = config.ADMIN_IDS[0] ?? 'demo-staff';
    const cohort = await stores.cohorts.create({ name: '电商直播演示班', startDate: start, endDate: end, location: '县电商公共服务中心', timezone: tz, createdBy: staffId }, makeCohortCode);
    const now = new Date();
    await stores.members.setRole(cohort.id, config.BOT_PLATFORM, { id: staffId, name: '演示工作人员' }, 'staff', now);
    await stores.members.setRole(cohort.id, config.BOT_PLATFORM, { id: 'demo-lecturer', name: '张老师' }, 'lecturer', now);
    const lines = [0, 1].flatMap((d) => {
      const day = today.plus({ days: d }).toFormat('MM-dd');
      return [`${day} 09:00-12:00 ${d === 0 ? '开店与选品' : '直播实操'} 张老师`, `${day} 14:00-17:00 ${d === 0 ? '短视频拍摄' : '复盘与答疑'} 张老师`];
    });
    const { sessions } = parseTimetable(lines, cohort);
    await stores.sessions.upsertMany(cohort.id, sessions);
    await stores.cohorts.markTimetableProvided(cohort.id, now);
    await stores.cohorts.setPlanStatus(cohort.id, ['draft'], 'submitted', { at: now, by: staffId });
    await stores.cohorts.setPlanStatus(cohort.id, ['submitted'], 'approved', { at: now, by: staffId });
    const trainees = Array.from({ length: n }, (_, i) => ({ id: `demo-trainee-${i + 1}`, name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}` }));
    await stores.members.enrolTrainees(cohort.id, config.BOT_PLATFORM, trainees, now);
    for (const [i, t] of trainees.entries()) {
      await stores.registrations.save({
        cohortId: cohort.id,
        platform: config.BOT_PLATFORM,
        userId: t.id,
        realName: t.name,
        phone: `1550000${String(1000 + i).slice(-4)}`,
        village: `城关镇${['东关', '西关', '南街', '北街'][i % 4]}村`,
        products: ['核桃', '小米', '红枣', '土鸡蛋'][i % 4]!,
        experience: i % 3 === 0 ? '开过淘宝店' : '',
      });
    }
    if (groupId) await stores.bindings.bind({ platform: config.BOT_PLATFORM, groupId, cohortId: cohort.id, title: cohort.name, boundBy: staffId });
    io.out.write(`demo cohort ${cohort.code}: ${cohort.name}, ${start} to ${end}, ${n} trainees, ${sessions.length} sessions, plan approved${groupId ? `, bound to ${groupId}` : ' (bind it in a group with #绑定 ' + cohort.code + ')'}\n`);
    return 0;
  } finally {
    await conn.close();
  }
}
