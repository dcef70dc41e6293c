import { AdjustableClock } from '../../src/kernel/clock';
import type { BotRuntime } from '../../bots/bot-runtime';
import { startWechatyHarness, type WechatyHarness } from '../support/wechaty-harness';
import { startTestBot, testConfig } from '../support/test-bot';
import { dropDatabase } from '../support/test-env';
import type { Config } from '../../src/kernel/load-config';
import type { mock } from 'wechaty-puppet-mock';
import { isBoard, parseBoard } from '../support/sign-in-board-text';

// 2027-03-01 in Asia/Shanghai; far from the real date so the bot's clock decides every window.
const at = (hhmm: string) => new Date(`2027-03-01T${hhmm}:00+08:00`);

describe('sign-in over the real gRPC transport', () => {
  let harness: WechatyHarness;
  let runtime: BotRuntime;
  let config: Config;
  const clock = new AdjustableClock(at('08:00'));
  let staff: mock.ContactMock;
  let trainees: mock.ContactMock[];
  let room: mock.RoomMock;

  const lastReply = (from: mock.ContactMock, text: string, target = room) =>
    harness.ask(from, text, target);

  beforeAll(async () => {
    harness = await startWechatyHarness();
    [staff] = harness.people(['王老师(工作人员)']) as [mock.ContactMock];
    trainees = harness.people(Array.from({ length: 50 }, (_, i) => `学员${String(i + 1).padStart(2, '0')}`));
    room = harness.room('直播带货一期', [staff, ...trainees]);
    config = testConfig('signin', { ADMIN_IDS: staff.id });
    runtime = await startTestBot(harness, config, clock);
  });

  afterAll(async () => {
    await runtime?.stop();
    await harness?.stop();
    if (config) await dropDatabase(config.MONGODB_URI);
  });

  it('sets up a cohort from chat: create, bind, timetable, plan approval', async () => {
    const created = await lastReply(staff, '#新建班级 直播带货一期 2027-03-01 2027-03-02 县电商服务中心');
    const code = /班级码：([A-Z0-9]{6})/.exec(created)?.[1];
    expect(code).toBeDefined();
    expect(await lastReply(staff, `#绑定 ${code}`)).toContain('登记学员 50 人');
    expect(await lastReply(staff, '#课表\n03-01 09:00-12:00 直播基础 张老师\n03-01 14:00-17:00 短视频拍摄 张老师')).toContain('已保存 2 节课');
    expect(await lastReply(trainees[0]!, '签到')).toContain('还没有经过领导组办公室批准');
    expect(await lastReply(staff, '#提交方案')).toContain('已提交');
    expect(await lastReply(staff, `#批准 ${code}`)).toContain('已批准');
  });

  it('records exactly one attendance per trainee from 150 concurrent sign-ins, judged by window, shown on a board', async () => {
    const before = harness.sentTo(room.id).length;
    const batches: [string, mock.ContactMock[]][] = [
      ['08:40', trainees.slice(0, 20)], // by start − 5 min: on time
      ['08:57', trainees.slice(20, 35)], // start − 3 min: on time (not flagged by default)
      ['09:12', trainees.slice(35, 50)], // after the start: late, 12 minutes
    ];
    let expected = 0;
    for (const [time, people] of batches) {
      clock.set(at(time));
      for (let round = 0; round < 3; round++) for (const p of people) harness.say(p, round === 1 ? '#签到' : '签到', room);
      expected += people.length;
      await waitForRecords(runtime, expected);
    }
    const session = (await runtime.deps.stores.sessions.listByCohort((await cohortId(runtime))))[0]!;
    const records = await runtime.deps.stores.attendance.listBySession(session.id);
    expect(records).toHaveLength(50);
    expect(new Set(records.map((r) => r.userId)).size).toBe(50);
    const byName = new Map(records.map((r) => [r.name, r]));
    for (const p of trainees.slice(0, 35)) expect(byName.get(p.payload.name)?.status).toBe('on_time');
    for (const p of trainees.slice(35)) {
      expect(byName.get(p.payload.name)?.status).toBe('late');
      expect(byName.get(p.payload.name)?.minutesLate).toBe(12);
    }
    await harness.waitFor(() => harness.sentTo(room.id).slice(before).some((m) => m.text.includes('已签到 50/50')), 'the final board');
    const after = harness.sentTo(room.id).slice(before);
    expect(after.every((m) => isBoard(m.text))).toBe(true);
    expect(after.length).toBeLessThan(20);
    // The final board counts everyone and names only the 15 late, the first few with their 12 minutes.
    const final = parseBoard(after.find((m) => m.text.includes('已签到 50/50'))!.text);
    expect(final.counts).toEqual({ present: 50, total: 50, late: 15, leave: 0, absent: 0, missing: 0 });
    expect(final.complete.late).toBe(false);
    expect(final.named.late.length).toBeLessThan(15);
    for (const name of final.named.late) {
      expect(trainees.slice(35).map((p) => p.payload.name)).toContain(name);
      expect(final.minutesLate[name]).toBe(12);
    }
    expect(final.lines.length).toBeLessThanOrEqual(6);
  });

  it('refuses a staff command from a trainee and changes nothing', async () => {
    const before = await runtime.deps.stores.cohorts.count();
    const reply = await lastReply(trainees[0]!, '#新建班级 偷偷建的班 2027-03-01 2027-03-02');
    expect(reply).toContain('只有工作人员可以使用');
    expect(reply).not.toContain('班级码');
    expect(await runtime.deps.stores.cohorts.count()).toBe(before);
  });

  it('answers a malformed command with the right form in Chinese and changes nothing', async () => {
    const before = await runtime.deps.stores.cohorts.count();
    const reply = await lastReply(staff, '#新建班级 只有名字');
    expect(reply).toContain('格式不对');
    expect(await runtime.deps.stores.cohorts.count()).toBe(before);
    expect(reply).toContain('#新建班级 <名称> <开始日期> <结束日期>');
  });

  it('tells a trainee when sign-in opens outside any window', async () => {
    clock.set(at('13:00'));
    const reply = await lastReply(trainees[1]!, '签到');
    expect(reply).toContain('现在还不能签到');
    expect(reply).toContain('13:30 起可以签到');
  });

  it('tells staff how to bind a group that is not bound to a cohort', async () => {
    const other = harness.room('另一个群', [staff, trainees[0]!]);
    const reply = await lastReply(trainees[0]!, '签到', other);
    expect(reply).toContain('本群还没有绑定班级');
    expect(reply).toContain('#绑定');
  });
});

async function cohortId(runtime: BotRuntime): Promise<string> {
  const members = await runtime.deps.stores.members.listForUser('wechaty', runtime.deps.config.ADMIN_IDS[0]!);
  return members[0]!.cohortId;
}

async function waitForRecords(runtime: BotRuntime, n: number): Promise<void> {
  const id = await cohortId(runtime);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const count = (await runtime.deps.stores.attendance.listByCohort(id)).length;
    if (count >= n) return;
    if (Date.now() > deadline) throw new Error(`expected ${n} attendance records, have ${count}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
