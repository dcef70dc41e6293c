import { cohortEndedJob } from '../../jobs/cohort-ended.job';
import { closeSurveyJob } from '../../jobs/survey.job';
import type { JobDeps } from '../../jobs/job-definition';
import type { BullmqScheduler } from '../../src/queue/bullmq-scheduler';
import { Outbox } from '../../src/queue/outbox';
import { createRedis } from '../../src/queue/redis-connection';
import { startPipeline, type Pipeline } from '../support/pipeline';
import { testLog } from '../support/test-bot';

/** 讲师资料 recorded in the chat, and the lecturer tiers staff receive at the end of the cohort and on the scorecard (SPEC §3.5). */
describe('lecturer profiles and tiers', () => {
  let p: Pipeline;
  let outbox: Outbox;
  let deps: JobDeps;
  let cohortId = '';
  const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const admin = { id: 'u-admin', name: '办公室' };
  const staff = { id: 'u-staff', name: '刘干事' };
  const zhang = { id: 'u-zhang', name: '张老师' };
  const li = { id: 'u-li', name: '李老师' };
  const trainees = [
    { id: 'u-t1', name: '学员甲' },
    { id: 'u-t2', name: '学员乙' },
  ] as const;
  const group = 'tier@chatroom';

  const sentTexts = async (prefix: string) =>
    (await outbox.queue.getJobs(['waiting', 'delayed', 'active', 'completed']))
      .filter((j) => j.id?.startsWith(prefix))
      .map((j) => ({ to: (j.data as { target: { id: string } }).target.id, text: (j.data as { text: string }).text }));
  const replyTo = async (from: { id: string; name: string }, text: string, mentions: { id: string; name: string }[] = []) => {
    const replies = await p.say(from, text, group, mentions);
    expect(replies).toHaveLength(1);
    return replies[0]!.message.text;
  };

  beforeAll(async () => {
    p = await startPipeline('lecturertier', { ADMIN_IDS: admin.id, FLOOD_MAX_MESSAGES: '1000' });
    outbox = new Outbox(redis, p.deps.config.QUEUE_PREFIX);
    p.clock.set(new Date('2027-02-27T10:00:00+08:00'));
    const code = /班级码：([A-Z0-9]{6})/.exec((await p.say(admin, '#新建班级 等级班 2027-03-01 2027-03-01', group))[0]!.message.text)![1]!;
    await p.say(admin, `#绑定 ${code}`, group);
    cohortId = (await p.deps.stores.cohorts.findByCode(code))!.id;
    const now = p.clock.now();
    await p.deps.stores.members.setRole(cohortId, 'wechaty', staff, 'staff', now);
    await p.deps.stores.members.setRole(cohortId, 'wechaty', zhang, 'lecturer', now);
    await p.deps.stores.members.setRole(cohortId, 'wechaty', li, 'lecturer', now);
    for (const t of trainees) await p.deps.stores.members.setRole(cohortId, 'wechaty', t, 'trainee', now);
    await p.say(admin, '#课表\n03-01 09:00-12:00 开店 张老师\n03-01 13:00-16:00 上架 李老师', group);
    const scheduler = p.deps.scheduler as BullmqScheduler;
    deps = { stores: p.deps.stores, scoring: p.deps.scoring, adminIds: [admin.id], workQueue: scheduler.queue, clock: p.clock, log: testLog, outbox, scheduler };
  });

  afterAll(async () => {
    await outbox?.queue.obliterate({ force: true }).catch(() => undefined);
    await outbox?.close();
    redis.disconnect();
    await p?.stop();
  });

  it('records a lecturer’s own profile, sorting each certificate into the kind the tier rules count', async () => {
    const reply = await replyTo(zhang, '#讲师资料 年龄 45 从业 8 年 证书 T1讲师证,支付宝大学讲师证');
    expect(reply).toBe(
      '已记录 张老师 的讲师资料：年龄 45 周岁；从业 8 年；证书 T1讲师证（T1 讲师证）、支付宝大学讲师证（平台证书）；从业证明 未填。\n讲师等级将在讲师考核表和结业报告中评定。',
    );
    const member = await p.deps.stores.members.find(cohortId, 'wechaty', zhang.id);
    expect(member?.lecturerDetails).toEqual({
      ageYears: 45,
      industryYears: 8,
      certificates: [
        { kind: 't1', name: 'T1讲师证' },
        { kind: 'platform', name: '支付宝大学讲师证' },
      ],
    });
  });

  it('lets staff fill in another lecturer, keeps what was stated before, and says what is still missing', async () => {
    expect(await replyTo(staff, '#讲师资料 @李老师 从业证明 有', [li])).toContain('还缺年龄、从业年限，补全后才能评定讲师等级');
    expect(await replyTo(staff, '#讲师资料 @李老师 从业 2 年', [li])).toBe(
      '已记录 李老师 的讲师资料：年龄 未填；从业 2 年；证书 未填；从业证明 有。\n还缺年龄，补全后才能评定讲师等级。',
    );
  });

  it.each([
    ['#讲师资料 年龄 两百', '格式不对：年龄要写 18–100 的整数，例如：年龄 45'],
    ['#讲师资料 45岁 8年', '格式不对：请至少写一项：年龄（或出生）、从业、证书、从业证明'],
    ['#讲师资料 很资深 年龄 45', '格式不对：看不懂「很资深」'],
    ['#讲师资料 出生 1980-02-30', '格式不对：出生日期要写成 1980-05-01 这样的日期'],
    ['#讲师资料 年龄 45 出生 1980-05-01', '格式不对：年龄和出生日期只写一个'],
  ])('answers %s with the right form and changes nothing', async (text, hint) => {
    const before = await p.snapshot();
    const reply = await replyTo(zhang, text);
    expect(reply.startsWith(hint)).toBe(true);
    expect(reply).toContain('正确用法：#讲师资料 [@讲师] 年龄');
    expect(await p.snapshot()).toEqual(before);
  });

  it('refuses a lecturer filling in another lecturer, and staff filling in someone who is not a lecturer', async () => {
    const before = await p.snapshot();
    expect(await replyTo(zhang, '#讲师资料 @李老师 年龄 50', [li])).toBe('讲师只能填写自己的资料；其他讲师的资料请本人或工作人员填写。');
    expect(await replyTo(staff, '#讲师资料 @学员甲 年龄 30', [trainees[0]])).toBe('学员甲 还不是本班讲师，请先发送 #授权 @学员甲 讲师。');
    expect(await p.snapshot()).toEqual(before);
  });

  it('tells staff each lecturer’s tier in the end-of-cohort report, or what the profile lacks', async () => {
    p.clock.set(new Date('2027-03-01T16:30:00+08:00'));
    const now = p.clock.now();
    await p.deps.stores.surveys.open(cohortId, '张老师', now, new Date(now.getTime() + 24 * 3600_000), trainees.map((t) => t.id));
    for (const t of trainees) expect((await p.say(t, '#反馈 5 4 4', null))[0]?.message.text).toContain('谢谢你的反馈');

    await cohortEndedJob.process({ cohortId }, deps, 'ended-1');
    const sent = await sentTexts(`cohort-ended_${cohortId}_`);
    expect(sent.map((s) => s.to).sort()).toEqual([admin.id, staff.id].sort());
    const lines = sent[0]!.text.split('\n');
    const at = lines.indexOf('讲师等级：');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1)).toEqual([
      '· 张老师 讲师等级：中高级（学员满意度 100%，从业 8 年，45 周岁，证书 T1讲师证、支付宝大学讲师证）（反馈尚未截止，满意度为目前结果）',
      '    · 未达专家级：(1)持有专家级证书（未提供）',
      '    · 待工作人员确认：(3)能够配合工作人员完成实操培训；(6)对所从事行业有清晰认识，且有一定想法',
      '· 李老师 讲师等级：资料不全（缺年龄），无法评定',
      '    · 请讲师本人或工作人员补充，例如：#讲师资料 @张老师 年龄 45 从业 8 年 证书 T1讲师证,支付宝大学讲师证',
    ]);
  });

  it('puts the tier with its evidence on the scorecard sent when the survey closes', async () => {
    const survey = (await p.deps.stores.surveys.listByCohort(cohortId)).find((s) => s.lecturerName === '张老师')!;
    p.clock.set(survey.closesAt);
    await closeSurveyJob.process({ surveyId: survey.id }, deps, 'close-1');
    const cards = await sentTexts(`scorecard_${survey.id}_`);
    expect(cards).toHaveLength(2);
    expect(cards[0]!.text).toContain('\n讲师等级：中高级（学员满意度 100%，从业 8 年，45 周岁，证书 T1讲师证、支付宝大学讲师证）\n  · 未达专家级：(1)持有专家级证书（未提供）');
  });
});
