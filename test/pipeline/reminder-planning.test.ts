import { BullmqScheduler } from '../../src/queue/bullmq-scheduler';
import { openSurveyJobId } from '../../src/features/cohorts/session-planner';
import { startPipeline, type Pipeline } from '../support/pipeline';

describe('planning reminders and closings from the timetable', () => {
  let p: Pipeline;
  const staff = { id: 'u-staff', name: '刘干事' };
  const group = 'plan@chatroom';
  let code = '';
  const planned = () => (p.deps.scheduler as BullmqScheduler).plannedIds('');
  const cohortId = async () => (await p.deps.stores.cohorts.findByCode(code))!.id;

  beforeAll(async () => {
    p = await startPipeline('planning', { ADMIN_IDS: staff.id });
    p.clock.set(new Date('2027-02-20T10:00:00+08:00'));
    code = /班级码：([A-Z0-9]{6})/.exec((await p.say(staff, '#新建班级 计划班 2027-03-01 2027-03-02', group))[0]!.message.text)![1]!;
    await p.say(staff, `#绑定 ${code}`, group);
    await p.say(staff, '#课表\n03-01 09:00-12:00 开店\n03-02 09:00-12:00 复盘', group);
  });

  afterAll(async () => {
    await p?.stop();
  });

  it('plans nothing while the plan is not approved', async () => {
    expect(await planned()).toEqual([]);
  });

  it('plans 30- and 5-minute reminders, the closing and the evening-before reminder once approved', async () => {
    await p.say(staff, '#提交方案', group);
    await p.say(staff, `#批准 ${code}`, group);
    const [day1, day2] = await p.deps.stores.sessions.listByCohort(await cohortId());
    const id = await cohortId();
    const expected = [day1!, day2!].flatMap((s) => [
      `remind-session_${s.id}_${s.startsAt.getTime()}_30`,
      `remind-session_${s.id}_${s.startsAt.getTime()}_5`,
      `close-session_${s.id}_${s.endsAt.getTime()}`,
    ]);
    const survey = openSurveyJobId(id, '');
    expect((await planned()).sort()).toEqual([...expected, `remind-day_${id}_2027-03-01`, `remind-day_${id}_2027-03-02`, survey].sort());
    const queue = (p.deps.scheduler as BullmqScheduler).queue;
    const dayBefore = (await queue.getJob(`remind-day_${id}_2027-03-01`))!;
    // 20:00 the evening before, on the pipeline's clock (set to 02-20 10:00 a moment ago).
    const expectedDelay = new Date('2027-02-28T20:00:00+08:00').getTime() - new Date('2027-02-20T10:00:00+08:00').getTime();
    expect(Math.abs(dayBefore.delay - expectedDelay)).toBeLessThan(60_000);
    // Each reminder carries where it goes and what it says, as approved.
    expect((await queue.getJob(`remind-session_${day1!.id}_${day1!.startsAt.getTime()}_30`))!.data).toMatchObject({
      content: { groups: [group], session: { title: '开店', startsAt: day1!.startsAt.getTime() } },
    });
    expect(dayBefore.data).toMatchObject({ content: { groups: [group], sessions: [{ title: '开店' }] } });
  });

  it('moves a session’s reminders and closing when its time changes', async () => {
    const [before] = await p.deps.stores.sessions.listByCohort(await cohortId());
    await p.say(staff, '#课表 改 1 03-01 10:00-12:30 开店', group);
    const [after] = await p.deps.stores.sessions.listByCohort(await cohortId());
    const ids = await planned();
    expect(ids.filter((i) => i.includes(before!.startsAt.getTime().toString()) || i.includes(before!.endsAt.getTime().toString()))).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining([`remind-session_${after!.id}_${after!.startsAt.getTime()}_30`, `close-session_${after!.id}_${after!.endsAt.getTime()}`]));
  });

  it('removes a cancelled session’s jobs, and its day’s reminder when nothing is left that day', async () => {
    const [, second] = await p.deps.stores.sessions.listByCohort(await cohortId());
    await p.say(staff, '#课表 删 2', group);
    const ids = await planned();
    expect(ids.filter((i) => i.includes(second!.id))).toEqual([]);
    expect(ids).not.toContain(`remind-day_${await cohortId()}_2027-03-02`);
    expect(ids).toContain(`remind-day_${await cohortId()}_2027-03-01`);
  });
});
