import { loadConfig } from '../src/kernel/load-config';
import { connectMongo } from '../src/stores/connect-mongo';
import { BullmqScheduler } from '../src/queue/bullmq-scheduler';
import { WORK_QUEUE } from '../src/queue/queue-names';
import { createRedis } from '../src/queue/redis-connection';
import { readTimetableFile, timetableFromSheet } from '../src/features/cohorts/timetable-import';
import { formatTimetable, saveSessions } from '../src/features/cohorts/timetable-service';
import { startHotState } from '../src/stores/hot/redis-change-feed';
import type { HotState } from '../src/stores/hot/hot-state';
import { createStores } from '../src/stores/create-stores';

const IMPORT_USAGE = 'usage: cohort-bot import timetable <cohort-code> <file.xlsx|file.csv>';

/** What an import did: how many rows were saved, how many of them are new, how many replaced a session already there. */
export function importSummary(saved: number, added: number, merged: number): string {
  return merged > 0 ? `已导入 ${saved} 节课：新增 ${added} 节，更新已有课程 ${merged} 节。` : `已导入 ${saved} 节课（全部为新增）。`;
}

/** `cohort-bot import timetable <code> <file>`: loads a spreadsheet timetable into a cohort. */
export async function runImportCommand(
  args: string[],
  io: { env: NodeJS.ProcessEnv; out: NodeJS.WritableStream; err: NodeJS.WritableStream } = { env: process.env, out: process.stdout, err: process.stderr },
): Promise<number> {
  const { out, err } = io;
  const [what, code, file] = args;
  if (what !== 'timetable' || !code || !file) {
    err.write(`${IMPORT_USAGE}\n`);
    return 2;
  }
  const { lines, errors: readErrors } = await readTimetableFile(file);
  const config = loadConfig(io.env);
  const conn = await connectMongo(config.MONGODB_URI);
  const redis = createRedis(config.REDIS_URL, config.REDIS_CLUSTER_NODES);
  const scheduler = new BullmqScheduler(redis, config.QUEUE_PREFIX, WORK_QUEUE);
  let hot: HotState | undefined;
  try {
    // A running bot keeps the timetable in memory: announce what this command writes.
    hot = await startHotState(redis, config.QUEUE_PREFIX, undefined, { cache: false });
    const stores = await createStores(conn, { hot });
    const cohort = await stores.cohorts.findByCode(code.toUpperCase());
    if (!cohort) {
      err.write(`没有找到班级码 ${code}\n`);
      return 1;
    }
    const parsed = readErrors.length > 0 ? { sessions: [], errors: readErrors } : timetableFromSheet(lines, cohort);
    if (parsed.errors.length > 0) {
      err.write(`课表有误，没有导入任何课程：\n${parsed.errors.map((e) => (e.row > 0 ? `第 ${e.row} 行：${e.reason}` : e.reason)).join('\n')}\n`);
      return 1;
    }
    // A row whose start matches a session already there replaces it (a corrected or re-sent timetable).
    const existing = new Set((await stores.sessions.listByCohort(cohort.id, true)).map((s) => s.startsAt.getTime()));
    const merged = parsed.sessions.filter((s) => existing.has(s.startsAt.getTime())).length;
    const saved = await saveSessions(stores, scheduler, cohort, parsed.sessions, new Date());
    out.write(`${importSummary(saved.length, saved.length - merged, merged)}\n${formatTimetable(cohort, await stores.sessions.listByCohort(cohort.id))}\n`);
    return 0;
  } finally {
    await hot?.close();
    await scheduler.close();
    await redis.quit().catch(() => redis.disconnect());
    await conn.close();
  }
}
