/**
 * Numbered records (leave requests, the moderation log) under concurrency: every request sent at
 * the same moment is filed with a number of its own and nobody is told 系统繁忙. Proven on the
 * FerretDB of the test run (PostgreSQL handler) and on a second FerretDB on its SQLite handler,
 * the two backends this machine can run; MongoDB's $inc is atomic on its own.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChatUser } from '../../src/platform/chat-event';
import { SYSTEM_BUSY } from '../../src/pipeline/texts';
import { connectMongo } from '../../src/stores/connect-mongo';
import { createStores } from '../../src/stores/create-stores';
import { startPipeline, type Pipeline } from '../support/pipeline';
import { REPO_ROOT } from '../support/paths';

const CONCURRENT = 20;
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const D0 = '2027-05-09';
const D1 = '2027-05-10';

/** A private FerretDB on its SQLite handler, stopped again after the tests. */
function startSqliteFerret(): { uri: string; stop: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-ferret-sqlite-'));
  const script = path.join(REPO_ROOT, 'scripts/ferretdb.sh');
  const out = execFileSync('bash', [script, 'start', '--dir', dir], { env: { ...process.env, FERRETDB_FORCE_SQLITE: '1' }, encoding: 'utf8' });
  const uri = /MONGODB_URI=(\S+)/.exec(out)?.[1]?.replace(/^'|'$/g, '');
  if (!uri) throw new Error(`no URI from ferretdb.sh start:\n${out}`);
  return {
    uri,
    stop: () => {
      execFileSync('bash', [script, 'stop', '--dir', dir], { stdio: 'ignore' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A cohort bound to a group with `n` trainees and one session on D1. */
async function classroom(p: Pipeline, n: number) {
  const admin: ChatUser = { id: 'u-admin', name: '刘干事' };
  const group = 'room-numbering@chatroom';
  const trainees: ChatUser[] = Array.from({ length: n }, (_, i) => ({ id: `u-t${i}`, name: `学员${i + 1}` }));
  p.clock.set(at(D0, '10:00'));
  const created = await p.say(admin, `#新建班级 并发编号班 ${D1} ${D1}`, null);
  const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
  await p.say(admin, `#绑定 ${code}`, group);
  const cohortId = (await p.deps.stores.cohorts.findByCode(code))!.id;
  for (const t of trainees) await p.deps.stores.members.setRole(cohortId, 'wechaty', t, 'trainee', p.clock.now());
  await p.say(admin, `#课表\n${D1.slice(5)} 09:00-12:00 开店流程 张老师`, group);
  return { admin, group, trainees, cohortId };
}

describe.each([
  ['FerretDB (PostgreSQL handler)', () => ({ uri: undefined as string | undefined, stop: () => undefined })],
  ['FerretDB (SQLite handler)', startSqliteFerret],
])('numbered records under concurrency on %s', (_backend, startBackend) => {
  let p: Pipeline;
  let backend: { uri: string | undefined; stop: () => void };
  let room: Awaited<ReturnType<typeof classroom>>;

  beforeAll(async () => {
    backend = startBackend();
    const env: Record<string, string> = { ADMIN_IDS: 'u-admin', FLOOD_MAX_MESSAGES: '1000' };
    if (backend.uri) env.MONGODB_URI = `${backend.uri.replace(/\/?$/, '/')}cb_numbering_sqlite`;
    p = await startPipeline('numbering', env);
    room = await classroom(p, CONCURRENT);
  });

  afterAll(async () => {
    await p?.stop();
    backend?.stop();
  });

  it(`files ${CONCURRENT} simultaneous 请假 with ${CONCURRENT} distinct numbers and answers none with 系统繁忙`, async () => {
    p.clock.set(at(D0, '11:00'));
    const replies = await Promise.all(room.trainees.map((t) => p.say(t, `#请假 家里有事 ${D1.slice(5)}`, room.group).catch((err: unknown) => [String(err)])));
    const all = replies.flat().map((r) => (typeof r === 'string' ? r : r.message.text));
    expect(all).not.toContain(SYSTEM_BUSY);
    const numbers = all.flatMap((t) => [...t.matchAll(/已提交请假（编号 (\d+)）/g)].map((m) => Number(m[1])));
    expect(new Set(numbers).size).toBe(CONCURRENT);
    const stored = await p.deps.stores.leave.listByCohort(room.cohortId);
    expect(stored.map((r) => r.no).sort((a, b) => a - b)).toEqual(Array.from({ length: CONCURRENT }, (_, i) => i + 1));
    expect(new Set(stored.map((r) => r.userId)).size).toBe(CONCURRENT);
  });

  it(`acts on ${CONCURRENT} simultaneous violations, each with its own log number`, async () => {
    p.clock.set(at(D1, '09:30'));
    const before = (await p.deps.stores.moderation.listByCohort(room.cohortId)).length;
    const replies = await Promise.all(room.trainees.map((t, i) => p.say(t, `加我微信 wx${1000 + i} 网络赌博 稳赚不赔`, room.group).catch((err: unknown) => [String(err)])));
    expect(replies.flat().map((r) => (typeof r === 'string' ? r : r.message.text))).not.toContain(SYSTEM_BUSY);
    const log = (await p.deps.stores.moderation.listByCohort(room.cohortId)).slice(before);
    expect(new Set(log.map((r) => r.userId)).size).toBe(CONCURRENT);
    expect(new Set(log.map((r) => r.no)).size).toBe(log.length);
    // Every trainee was told about their own violation in the group.
    const warned = new Set(p.sent.filter((s) => s.target.id === room.group).flatMap((s) => (s.message.mentions ?? []).map((m) => m.id)));
    for (const t of room.trainees) expect(warned).toContain(t.id);
  });

  it('numbers straight through the stores too: 3 × 20 concurrent leave requests in 3 cohorts and 20 homework of one day stay dense', async () => {
    const conn = await connectMongo(p.deps.config.MONGODB_URI);
    try {
      const stores = await createStores(conn);
      const cohorts = ['a', 'b', 'c'].map((k) => `65a0000000000000000000${k}${k}`);
      await Promise.all(
        cohorts.flatMap((cohortId) =>
          Array.from({ length: CONCURRENT }, (_, i) =>
            stores.leave.create({ cohortId, platform: 'wechaty', userId: `s${i}`, name: `学员${i}`, day: D1, reason: '有事', requestedAt: new Date(), sourceEventId: `store-${cohortId}-${i}` }),
          ),
        ),
      );
      for (const cohortId of cohorts) {
        const nos = (await stores.leave.listByCohort(cohortId)).map((r) => r.no).sort((a, b) => a - b);
        expect(nos).toEqual(Array.from({ length: CONCURRENT }, (_, i) => i + 1));
      }
      // The day's homework numbers (作业 1, 2, …) follow the same rule.
      const cohortId = cohorts[0]!;
      const added = await Promise.all(
        Array.from({ length: CONCURRENT }, (_, i) =>
          stores.homework.add({ cohortId, day: D1, content: `作业${i}`, deadline: new Date(), assignedBy: 'u-l', assignedByName: '张老师', assignedAt: new Date(), sourceEventId: `hw-${i}` }),
        ),
      );
      expect(added.map((a) => a.homework.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: CONCURRENT }, (_, i) => i + 1));
    } finally {
      await conn.close();
    }
  });
});
