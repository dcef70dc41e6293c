import { openSurveyJob, remindSurveyJob } from '../../jobs/survey.job';
import type { JobDeps } from '../../jobs/job-definition';
import type { BullmqScheduler } from '../../src/queue/bullmq-scheduler';
import { Outbox } from '../../src/queue/outbox';
import { createRedis } from '../../src/queue/redis-connection';
import type { ChatUser } from '../../src/platform/chat-event';
import { startPipeline, type Pipeline } from '../support/pipeline';
import { testLog } from '../support/test-bot';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const D0 = '2027-06-06';
const D1 = '2027-06-07';
const D2 = '2027-06-08';

/** A survey answer sent before the survey about the lecturer opens is answered at once, not met with silence (SPEC §3.8). */
describe('survey answers sent before the survey opens', () => {
  let p: Pipeline;
  let outbox: Outbox;
  let deps: JobDeps;
  let cohortId = '';
  const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const admin: ChatUser = { id: 'u-admin', name: '刘干事' };
  const jia: ChatUser = { id: 'u-t1', name: '学员甲' };
  const yi: ChatUser = { id: 'u-t2', name: '学员乙' };
  const group = 'early-survey@chatroom';
  const privately = async (from: ChatUser, text: string) => (await p.say(from, text, null)).map((s) => s.message.text);
  const outboxTo = async (prefix: string) =>
    (await outbox.queue.getJobs(['waiting', 'delayed', 'active', 'completed'])).filter((j) => j.id?.startsWith(prefix)).map((j) => (j.data as { target: { id: string } }).target.id);

  beforeAll(async () => {
    p = await startPipeline('earlysurvey', { ADMIN_IDS: admin.id, FLOOD_MAX_MESSAGES: '1000' });
    outbox = new Outbox(redis, p.deps.config.QUEUE_PREFIX);
    p.clock.set(at(D0, '10:00'));
    const created = await p.say(admin, `#新建班级 反馈班 ${D1} ${D2}`, null);
    const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await p.say(admin, `#绑定 ${code}`, group);
    cohortId = (await p.deps.stores.cohorts.findByCode(code))!.id;
    for (const t of [jia, yi]) await p.deps.stores.members.setRole(cohortId, 'wechaty', t, 'trainee', p.clock.now());
    await p.say(admin, `#课表\n${D1.slice(5)} 09:00-12:00 开店流程 张老师\n${D2.slice(5)} 09:00-12:00 直播带货 李老师`, group);
    await p.say(admin, '#提交方案', group);
    await p.say(admin, `#批准 ${code}`, null);
    const scheduler = p.deps.scheduler as BullmqScheduler;
    deps = { stores: p.deps.stores, scoring: p.deps.scoring, adminIds: [admin.id], workQueue: scheduler.queue, clock: p.clock, log: testLog, outbox, scheduler };
  });

  afterAll(async () => {
    await outbox?.queue.obliterate({ force: true }).catch(() => undefined);
    await outbox?.close();
    redis.disconnect();
    await p?.stop();
  });

  it.each(['5 5 4 讲得好', '反馈 5 5 4', '#反馈 5 5 4'])('answers %s in private chat at once, saying when the survey comes, and keeps nothing', async (text) => {
    p.clock.set(at(D1, '10:00'));
    const before = await p.snapshot();
    expect(await privately(jia, text)).toEqual([
      '问卷还没开始，这次的回复没有记录。张老师的课程结束后（今天 12:00）会私信发给你，到时再按「5 4 4 建议」这样回复。',
    ]);
    expect(await p.snapshot()).toEqual(before);
  });

  it('stays silent on ordinary private chat', async () => {
    expect(await privately(jia, '谢谢老师')).toEqual([]);
  });

  it('takes the answer once the survey opens, and reminds only those who have not answered', async () => {
    p.clock.set(at(D1, '12:01'));
    await openSurveyJob.process({ cohortId, lecturerName: '张老师' }, deps, 'open-1');
    const [survey] = await p.deps.stores.surveys.listByCohort(cohortId);
    expect(await privately(jia, '5 5 4 讲得好')).toEqual(['谢谢你的反馈！已匿名记录。']);
    expect(await privately(jia, '5 5 5')).toEqual(['你已经填写过这份反馈了，谢谢！']);
    p.clock.set(at(D1, '23:59'));
    expect(await remindSurveyJob.process({ surveyId: survey!.id }, deps, 'remind-1')).toEqual({ reminded: 1 });
    expect(await outboxTo(`survey-reminder_${survey!.id}_`)).toEqual([yi.id]);
  });

  it('points to the next lecturer’s survey once the first has closed', async () => {
    p.clock.set(at(D1, '20:00'));
    const [survey] = await p.deps.stores.surveys.listByCohort(cohortId);
    await p.deps.stores.surveys.close(survey!.id, p.clock.now());
    expect(await privately(yi, '4 4 4')).toEqual([
      '问卷还没开始，这次的回复没有记录。李老师的课程结束后（6月8日 12:00）会私信发给你，到时再按「5 4 4 建议」这样回复。',
    ]);
  });
});
