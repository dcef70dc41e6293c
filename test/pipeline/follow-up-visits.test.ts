import { openFollowUpJob, summariseFollowUpJob } from '../../jobs/follow-up.job';
import type { JobDeps } from '../../jobs/job-definition';
import type { BullmqScheduler } from '../../src/queue/bullmq-scheduler';
import { Outbox } from '../../src/queue/outbox';
import { createRedis } from '../../src/queue/redis-connection';
import type { ChatUser } from '../../src/platform/chat-event';
import { startPipeline, type Pipeline } from '../support/pipeline';
import { testLog } from '../support/test-bot';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

/** Follow-up visits (SPEC §3.8, 回访登记): trainees answer privately, staff get everything they reported. */
describe('follow-up visits', () => {
  let p: Pipeline;
  let outbox: Outbox;
  let deps: JobDeps;
  let cohortId = '';
  const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const admin: ChatUser = { id: 'u-admin', name: '刘干事' };
  const jia: ChatUser = { id: 'u-t1', name: '学员甲' };
  const yi: ChatUser = { id: 'u-t2', name: '学员乙' };
  const bing: ChatUser = { id: 'u-t3', name: '学员丙' };
  const group = 'follow-up@chatroom';
  const privately = async (from: ChatUser, text: string) => (await p.say(from, text, null)).map((s) => s.message.text);
  const outboxTexts = async (prefix: string) =>
    (await outbox.queue.getJobs(['waiting', 'delayed', 'active', 'completed']))
      .filter((j) => j.id?.startsWith(prefix))
      .map((j) => ({ to: (j.data as { target: { id: string } }).target.id, text: (j.data as { text: string }).text }));

  beforeAll(async () => {
    p = await startPipeline('followupvisits', { ADMIN_IDS: admin.id, FLOOD_MAX_MESSAGES: '1000' });
    outbox = new Outbox(redis, p.deps.config.QUEUE_PREFIX);
    p.clock.set(at('2027-03-01', '10:00'));
    const created = await p.say(admin, '#新建班级 回访班 2027-03-02 2027-03-02', null);
    const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await p.say(admin, `#绑定 ${code}`, group);
    cohortId = (await p.deps.stores.cohorts.findByCode(code))!.id;
    for (const t of [jia, yi, bing]) await p.deps.stores.members.setRole(cohortId, 'wechaty', t, 'trainee', p.clock.now());
    const scheduler = p.deps.scheduler as BullmqScheduler;
    deps = { stores: p.deps.stores, scoring: p.deps.scoring, adminIds: [admin.id], workQueue: scheduler.queue, clock: p.clock, log: testLog, outbox, scheduler };
  });

  afterAll(async () => {
    await outbox?.queue.obliterate({ force: true }).catch(() => undefined);
    await outbox?.close();
    redis.disconnect();
    await p?.stop();
  });

  it('sends staff a summary with the platforms, each answer and who has not answered', async () => {
    p.clock.set(at('2027-04-01', '10:00'));
    expect(await openFollowUpJob.process({ cohortId, wave: 30 }, deps, 'open-30')).toEqual({ asked: 3 });
    expect(await privately(jia, '开了 抖音 3000 需要直播带货指导')).toEqual([expect.stringContaining('回访已登记')]);
    expect(await privately(yi, '开了 微信小店，月销2000')).toEqual([expect.stringContaining('回访已登记')]);
    p.clock.set(at('2027-04-08', '10:00'));
    await summariseFollowUpJob.process({ cohortId, wave: 30 }, deps, 'summary-30');
    const sent = await outboxTexts(`follow-up-summary_${cohortId}_30_`);
    expect(sent.map((s) => s.to)).toEqual([admin.id]);
    expect(sent[0]!.text.split('\n')).toEqual([
      '「回访班」结业 30 天回访小结',
      '回复 2/3 人，已开店 2 人，未开店 0 人，月销售合计 5000 元',
      '开店平台：抖音 1 人，微信小店 1 人',
      '各人回复：',
      '· 学员甲：已开店，平台 抖音，月销 3000 元，需要 直播带货指导',
      '· 学员乙：已开店，平台 微信小店，月销 2000 元',
      '未回复：学员丙',
    ]);
  });
});
