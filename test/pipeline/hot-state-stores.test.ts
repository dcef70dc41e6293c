import type { Connection } from 'mongoose';
import type { Redis } from 'ioredis';
import { connectMongo } from '../../src/stores/connect-mongo';
import { createRedis } from '../../src/queue/redis-connection';
import { createStores, summariesSettled, type Stores } from '../../src/stores/create-stores';
import { startHotState } from '../../src/stores/hot/redis-change-feed';
import type { HotState } from '../../src/stores/hot/hot-state';
import { CohortWarmer } from '../../src/pipeline/warm-cohort';
import { createLogger } from '../../src/kernel/logger';
import { dropDatabase, mongoUriFor, redisUrl, uniqueName } from '../support/test-env';

/**
 * Two processes' stores on one database and one Redis: `bot` keeps hot state, `other` (a
 * worker, another bot account, a one-off command) only writes and announces. What `bot`
 * serves from memory must follow `other`'s writes, and its own group-committed writes must
 * keep the database's invariants.
 */
describe('hot state over real MongoDB-compatible storage and Redis pub/sub', () => {
  const uri = mongoUriFor('hot_state');
  const prefix = uniqueName('hot');
  let conn: Connection;
  let redis: Redis;
  let botHot: HotState;
  let otherHot: HotState;
  let bot: Stores;
  let other: Stores;
  let commands = 0;
  let attendanceFinds = 0;

  beforeAll(async () => {
    // Command monitoring counts what reaches the database.
    conn = await connectMongo(`${uri}${uri.includes('?') ? '&' : '?'}monitorCommands=true`);
    conn.getClient().on('commandStarted', (e) => {
      commands++;
      if (e.commandName === 'find' && e.command.find === 'attendance') attendanceFinds++;
    });
    redis = createRedis(redisUrl());
    botHot = await startHotState(redis, prefix, undefined, { cache: true });
    otherHot = await startHotState(redis, prefix, undefined, { cache: false });
    bot = await createStores(conn, { hot: botHot });
    other = await createStores(conn, { hot: otherHot });
  });

  afterAll(async () => {
    await botHot.close();
    await otherHot.close();
    redis.disconnect();
    await conn.close();
    await dropDatabase(uri);
  });

  /**
   * Resolves once `bot` has heard every change `other` announced before the call: a marker sent
   * after them on the same connection arrives after them. (A change heard while `bot` is warming a
   * part makes it read that part again later, which a count of commands would then see.)
   */
  async function heardEverything(): Promise<void> {
    const marker = uniqueName('marker');
    const heard = new Promise<void>((resolve) => botHot.onLeaveDecided((id) => id === marker && resolve()));
    otherHot.changed({ kind: 'leave-decided', cohortId: marker });
    await heard;
  }

  /** Polls until `check` holds (pub/sub delivers in milliseconds); fails with the last value. */
  async function eventually<T>(read: () => Promise<T>, check: (v: T) => boolean): Promise<T> {
    let last = await read();
    for (let i = 0; i < 100 && !check(last); i++) {
      await new Promise((r) => setTimeout(r, 20));
      last = await read();
    }
    return last;
  }

  async function newCohort(): Promise<string> {
    const cohort = await other.cohorts.create(
      { name: '电商班', startDate: '2027-03-01', endDate: '2027-03-05', location: '', timezone: 'Asia/Shanghai', createdBy: 'staff' },
      () => `HS${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    );
    return cohort.id;
  }

  it('counts the commands it is asked to count (the counter works)', async () => {
    // Summary rebuilds that earlier writes started in the background are not what is counted here.
    await Promise.all([summariesSettled(bot), summariesSettled(other)]);
    const before = commands;
    await other.cohorts.count();
    expect(commands - before).toBe(1);
  });

  it('serves the roster, timetable and binding from memory after one read each', async () => {
    const cohortId = await newCohort();
    await other.bindings.bind({ platform: 'wechaty', groupId: 'g-mem', cohortId, title: '群', boundBy: 'staff' });
    await other.members.enrolTrainees(cohortId, 'wechaty', [{ id: 'u1', name: '甲' }], new Date());
    await other.sessions.upsertMany(cohortId, [
      { day: '2027-03-01', startsAt: new Date('2027-03-01T01:00:00Z'), endsAt: new Date('2027-03-01T04:00:00Z'), title: '开班', lecturerName: '' },
    ]);
    const read = async () => {
      await bot.bindings.findByGroup('wechaty', 'g-mem');
      await bot.cohorts.findById(cohortId);
      await bot.members.find(cohortId, 'wechaty', 'u1');
      await bot.sessions.listOverlapping(cohortId, new Date('2027-03-01T00:00:00Z'), new Date('2027-03-01T02:00:00Z'));
    };
    await read();
    // Summary rebuilds that earlier writes started in the background are not what is counted here.
    await Promise.all([summariesSettled(bot), summariesSettled(other)]);
    const before = commands;
    for (let i = 0; i < 20; i++) await read();
    expect(commands - before).toBe(0);
  });

  it("follows the other process's writes: roles, timetable, plan, binding and attendance", async () => {
    const cohortId = await newCohort();
    await other.members.enrolTrainees(cohortId, 'wechaty', [{ id: 'u1', name: '甲' }], new Date());
    expect((await bot.members.find(cohortId, 'wechaty', 'u1'))?.roles).toEqual(['trainee']);
    await other.members.setRole(cohortId, 'wechaty', { id: 'u1', name: '甲' }, 'lecturer', new Date());
    expect((await eventually(() => bot.members.find(cohortId, 'wechaty', 'u1'), (m) => m?.roles[0] === 'lecturer'))?.roles).toEqual(['lecturer']);

    const [s] = await other.sessions.upsertMany(cohortId, [
      { day: '2027-03-02', startsAt: new Date('2027-03-02T01:00:00Z'), endsAt: new Date('2027-03-02T04:00:00Z'), title: '直播', lecturerName: '' },
    ]);
    expect(await bot.sessions.listByCohort(cohortId)).toHaveLength(1);
    await other.sessions.cancel(s!.id);
    expect(await eventually(() => bot.sessions.listByCohort(cohortId), (l) => l.length === 0)).toHaveLength(0);

    expect((await bot.cohorts.findById(cohortId))?.plan.status).toBe('draft');
    await other.cohorts.setPlanStatus(cohortId, ['draft'], 'submitted', { at: new Date(), by: 'staff' });
    expect((await eventually(() => bot.cohorts.findById(cohortId), (c) => c?.plan.status === 'submitted'))?.plan.status).toBe('submitted');

    expect(await bot.bindings.findByGroup('wechaty', 'g-late')).toBeNull();
    await other.bindings.bind({ platform: 'wechaty', groupId: 'g-late', cohortId, title: '群', boundBy: 'staff' });
    expect((await eventually(() => bot.bindings.findByGroup('wechaty', 'g-late'), (b) => b !== null))?.cohortId).toBe(cohortId);

    const input = { sessionId: s!.id, cohortId, platform: 'wechaty' as const, userId: 'u2', name: '乙', status: 'on_time' as const, notEarly: false, minutesLate: 0, signedInAt: new Date(), sourceEventId: 'e1' };
    expect(await bot.attendance.find(s!.id, 'wechaty', 'u2')).toBeNull();
    await other.attendance.insertOnce(input);
    expect((await eventually(() => bot.attendance.find(s!.id, 'wechaty', 'u2'), (r) => r !== null))?.status).toBe('on_time');
    await other.attendance.insertMissing([{ ...input, userId: 'u3', name: '丙', status: 'absent', signedInAt: undefined, sourceEventId: '' }]);
    expect((await eventually(() => bot.attendance.listBySession(s!.id), (l) => l.length === 2)).map((r) => r.userId).sort()).toEqual(['u2', 'u3']);
  });

  it("hears the other process's leave decision (the console approves, the bot's boards show it), and nothing for a decision that changed nothing", async () => {
    const cohortId = await newCohort();
    const heard: string[] = [];
    bot.leave.onDecided((id) => void heard.push(id));
    const { request } = await other.leave.create({ cohortId, platform: 'wechaty', userId: 'u1', name: '甲', day: '2027-03-02', reason: '看病', requestedAt: new Date(), sourceEventId: `leave-${cohortId}` });
    expect(await other.leave.decide(cohortId, request.no, 'approved', 'staff', new Date(), '')).not.toBeNull();
    await eventually(async () => heard.length, (n) => n > 0);
    expect(heard).toEqual([cohortId]);
    // Already decided: nothing is announced.
    expect(await other.leave.decide(cohortId, request.no, 'rejected', 'staff', new Date(), '')).toBeNull();
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toEqual([cohortId]);
  });

  it("serves a cohort's approved leave from memory after one read, and follows a decision in either process", async () => {
    const cohortId = await newCohort();
    const day = '2027-03-04';
    const ask = async (store: Stores, userId: string) => {
      const { request } = await store.leave.create({ cohortId, platform: 'wechaty', userId, name: userId, day, reason: '看病', requestedAt: new Date(), sourceEventId: `leave-${cohortId}-${userId}` });
      return request.no;
    };
    await other.leave.decide(cohortId, await ask(other, 'u1'), 'approved', 'staff', new Date(), '');
    await ask(other, 'u9');
    const approved = async () => (await bot.leave.listApprovedForDay(cohortId, day)).map((l) => l.userId).sort();
    expect(await approved()).toEqual(['u1']);
    // Summary rebuilds that earlier writes started in the background are not what is counted here.
    await Promise.all([summariesSettled(bot), summariesSettled(other)]);
    const before = commands;
    for (let i = 0; i < 20; i++) await bot.leave.listApprovedForDay(cohortId, day);
    expect(await bot.leave.listApprovedForDay(cohortId, '2027-03-05')).toEqual([]);
    expect(commands - before).toBe(0);
    // The console (another process) approves: announced, read again.
    await other.leave.decide(cohortId, await ask(other, 'u2'), 'approved', 'staff', new Date(), '');
    expect(await eventually(approved, (l) => l.length === 2)).toEqual(['u1', 'u2']);
    // 批准请假 in this process: the next read sees it at once.
    await bot.leave.decide(cohortId, await ask(bot, 'u3'), 'approved', 'staff', new Date(), '');
    expect(await approved()).toEqual(['u1', 'u2', 'u3']);
  });

  it('group-commits concurrent sign-ins: one record per trainee, the first stands, in few commands', async () => {
    const cohortId = await newCohort();
    const [s] = await other.sessions.upsertMany(cohortId, [
      { day: '2027-03-03', startsAt: new Date('2027-03-03T01:00:00Z'), endsAt: new Date('2027-03-03T04:00:00Z'), title: '运营', lecturerName: '' },
    ]);
    await bot.attendance.listBySession(s!.id);
    // Summary rebuilds that earlier writes started in the background are not what is counted here.
    await Promise.all([summariesSettled(bot), summariesSettled(other)]);
    const before = commands;
    const sign = (i: number, at: number) =>
      bot.attendance.insertOnce({ sessionId: s!.id, cohortId, platform: 'wechaty', userId: `t${i}`, name: `学员${i}`, status: 'on_time', notEarly: false, minutesLate: 0, signedInAt: new Date(at), sourceEventId: `e${i}-${at}` });
    const outcomes = await Promise.all(Array.from({ length: 60 }, (_, i) => sign(i % 50, 1_800_000_000_000 + i)));
    expect(outcomes.filter((o) => o.created)).toHaveLength(50);
    expect(commands - before).toBeLessThan(20);
    const stored = await other.attendance.listBySession(s!.id);
    expect(stored).toHaveLength(50);
    // Each trainee's record is the one their first message wrote.
    for (const r of stored) expect(r.signedInAt?.getTime()).toBe(1_800_000_000_000 + Number(r.userId.slice(1)));
    // A second process signing the same trainees in gets the standing records, never a second one.
    const again = await Promise.all(Array.from({ length: 50 }, (_, i) => other.attendance.insertOnce({ sessionId: s!.id, cohortId, platform: 'wechaty', userId: `t${i}`, name: `学员${i}`, status: 'late', notEarly: false, minutesLate: 5, signedInAt: new Date(), sourceEventId: 'x' })));
    expect(again.every((o) => !o.created && o.record.status === 'on_time')).toBe(true);
  });

  it("writes a session's first sign-ins without reading its list, answers a repeat with the record that stands, and lists them all when read", async () => {
    const cohortId = await newCohort();
    const [s] = await other.sessions.upsertMany(cohortId, [
      { day: '2027-03-04', startsAt: new Date('2027-03-04T01:00:00Z'), endsAt: new Date('2027-03-04T04:00:00Z'), title: '物流', lecturerName: '' },
    ]);
    const sign = (stores: Stores, i: number, at: number) =>
      stores.attendance.insertOnce({ sessionId: s!.id, cohortId, platform: 'wechaty', userId: `t${i}`, name: `学员${i}`, status: 'on_time', notEarly: false, minutesLate: 0, signedInAt: new Date(at), sourceEventId: `e${i}-${at}` });
    const findsBefore = attendanceFinds;
    const first = await Promise.all(Array.from({ length: 10 }, (_, i) => sign(bot, i, 1_800_000_000_000 + i)));
    expect(first.every((o) => o.created)).toBe(true);
    expect(attendanceFinds).toBe(findsBefore);
    // Repeated before the list was ever read: the unique index refuses it and the first record stands.
    const repeat = await sign(bot, 3, 1_800_000_100_000);
    expect(repeat.created).toBe(false);
    expect(repeat.record.signedInAt?.getTime()).toBe(1_800_000_000_003);
    // Sign-ins here and in the other process as the list is first read (unit test: hot-state.test.ts holds the read while they arrive).
    const reading = bot.attendance.listBySession(s!.id);
    const during = await Promise.all([sign(bot, 10, 1_800_000_000_010), sign(other, 11, 1_800_000_000_011)]);
    expect(during.every((o) => o.created)).toBe(true);
    await reading;
    const list = await eventually(() => bot.attendance.listBySession(s!.id), (l) => l.length === 12);
    expect(list.map((r) => r.userId).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `t${i}`).sort());
    const findsAfter = attendanceFinds;
    expect((await bot.attendance.find(s!.id, 'wechaty', 't11'))?.signedInAt?.getTime()).toBe(1_800_000_000_011);
    expect(attendanceFinds).toBe(findsAfter);
  });

  it('pays a source once and writes nothing for a repeated award', async () => {
    const cohortId = await newCohort();
    const entry = { cohortId, platform: 'wechaty' as const, userId: 'u1', name: '甲', points: 1, reason: 'attendance', detail: '', sourceKey: `att:${cohortId}:u1`, at: new Date() };
    const first = await Promise.all([bot.points.award(entry), other.points.award(entry), bot.points.award(entry)]);
    expect(first.filter(Boolean)).toHaveLength(1);
    // Summary rebuilds that earlier writes started in the background are not what is counted here.
    await Promise.all([summariesSettled(bot), summariesSettled(other)]);
    const before = commands;
    expect(await bot.points.award(entry)).toBe(false);
    expect(commands).toBe(before);
    expect(await other.points.listByCohort(cohortId)).toHaveLength(1);
  });
  it("reads every part a cohort's group messages need at once when it is warmed, so its messages then read nothing", async () => {
    const cohortId = await newCohort();
    const at = new Date('2027-03-02T00:30:00Z');
    await other.bindings.bind({ platform: 'wechaty', groupId: 'g-warm', cohortId, title: '群', boundBy: 'staff' });
    await other.members.enrolTrainees(cohortId, 'wechaty', [{ id: 'u1', name: '甲' }], at);
    const [soon, later] = await other.sessions.upsertMany(cohortId, [
      { day: '2027-03-02', startsAt: new Date('2027-03-02T01:00:00Z'), endsAt: new Date('2027-03-02T04:00:00Z'), title: '直播', lecturerName: '' },
      { day: '2027-03-02', startsAt: new Date('2027-03-02T06:00:00Z'), endsAt: new Date('2027-03-02T09:00:00Z'), title: '短视频', lecturerName: '' },
    ]);
    await other.cohortWords.set(cohortId, { word: '拼单群', op: 'add', category: '广告', by: 'staff', at });
    await Promise.all([summariesSettled(bot), summariesSettled(other)]);
    await heardEverything();
    const warmer = new CohortWarmer(bot, createLogger('silent'));
    const findsBefore = attendanceFinds;
    warmer.warmGroup('wechaty', 'g-warm', at);
    await warmer.idle();
    // The session starting within two hours has its attendance read ahead; the afternoon one does not.
    expect(attendanceFinds - findsBefore).toBe(1);
    const before = commands;
    // What one trainee message reads on the chat path.
    expect((await bot.cohorts.findById(cohortId))?.id).toBe(cohortId);
    expect((await bot.members.find(cohortId, 'wechaty', 'u1'))?.name).toBe('甲');
    expect(await bot.moderation.activeMute(cohortId, 'wechaty', 'u1', at)).toBeNull();
    expect(await bot.leave.listApprovedForDay(cohortId, '2027-03-02')).toEqual([]);
    expect((await bot.cohortWords.list(cohortId)).map((w) => w.word)).toEqual(['拼单群']);
    expect((await bot.sessions.listOverlapping(cohortId, at, new Date('2027-03-02T02:00:00Z'))).map((x) => x.id)).toEqual([soon!.id]);
    expect(await bot.attendance.listBySession(soon!.id)).toEqual([]);
    expect(commands).toBe(before);
    // Warming again reads nothing, every part being kept; the later session's list is read when asked for.
    warmer.warm(cohortId, at);
    await warmer.idle();
    expect(commands).toBe(before);
    await bot.attendance.listBySession(later!.id);
    expect(attendanceFinds - findsBefore).toBe(2);
  });

  it("applies the other process's word-list change at once (#敏感词 from the console)", async () => {
    const cohortId = await newCohort();
    expect(await bot.cohortWords.list(cohortId)).toEqual([]);
    await other.cohortWords.set(cohortId, { word: '代下单', op: 'add', category: '广告', by: 'staff', at: new Date() });
    const words = await eventually(() => bot.cohortWords.list(cohortId), (l) => l.length === 1);
    expect(words.map((w) => w.word)).toEqual(['代下单']);
  });
});
