import { Queue } from 'bullmq';
import type { mock } from 'wechaty-puppet-mock';
import { ScaledClock } from '../../src/kernel/clock';
import type { Config } from '../../src/kernel/load-config';
import { createRedis } from '../../src/queue/redis-connection';
import { WORK_QUEUE } from '../../src/queue/queue-names';
import type { BotRuntime } from '../../bots/bot-runtime';
import type { WorkerRuntime } from '../../bots/worker-runtime';
import { startWechatyHarness, type WechatyHarness } from '../support/wechaty-harness';
import { startTestBot, startTestWorker, testConfig } from '../support/test-bot';
import { dropDatabase } from '../support/test-env';
import { waitForJobFinished, waitUntilQueuesIdle } from '../support/handled';

const SPEED = 7200;
const fake = (iso: string) => new Date(`${iso}+08:00`);

describe('feedback survey to scorecard, then follow-up visits, in compressed time over gRPC', () => {
  let harness: WechatyHarness;
  let bot: BotRuntime;
  let worker: WorkerRuntime;
  let config: Config;
  let clock: ScaledClock;
  const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  let queue: Queue;
  let staff: mock.ContactMock;
  let lecturer: mock.ContactMock;
  let t: [mock.ContactMock, mock.ContactMock, mock.ContactMock];
  let room: mock.RoomMock;
  let cohortId = '';

  const privately = (from: mock.ContactMock, text: string) => from.say(text).to(harness.mocker.ContactMock.load(harness.botUser.id));
  const privateAnswer = async (from: mock.ContactMock, text: string) => {
    const before = harness.sentTo(from.id).length;
    privately(from, text);
    await harness.waitFor(() => harness.sentTo(from.id).length > before, `an answer to ${text}`);
    return harness.sentTo(from.id)[before]!.text;
  };

  beforeAll(async () => {
    harness = await startWechatyHarness();
    const people = harness.people(['周干事', '张老师', '学员甲', '学员乙', '学员丙']);
    [staff, lecturer] = people as [mock.ContactMock, mock.ContactMock];
    t = people.slice(2) as [mock.ContactMock, mock.ContactMock, mock.ContactMock];
    room = harness.room('网店班', people);
    clock = new ScaledClock(fake('2027-02-28T12:00:00'), Date.now() + 5000, SPEED);
    config = testConfig('survey', { ADMIN_IDS: staff.id, SIGNIN_BOARD_INTERVAL_MS: '100' });
    bot = await startTestBot(harness, config, clock);
    worker = await startTestWorker(config, clock);
    queue = new Queue(WORK_QUEUE, { connection: redis, prefix: config.QUEUE_PREFIX });
  });

  afterAll(async () => {
    await worker?.stop();
    await bot?.stop();
    await queue?.close();
    redis.disconnect();
    await harness?.stop();
    if (config) await dropDatabase(config.MONGODB_URI);
  });

  it('wraps up the cohort for staff, sends the survey privately, takes answers, and sends staff the scorecard', async () => {
    const ask = (from: mock.ContactMock, text: string, mentions: mock.ContactMock[] = []) => harness.ask(from, text, room, { mentions });
    const code = /班级码：([A-Z0-9]{6})/.exec(await ask(staff, '#新建班级 网店班 2027-03-01 2027-03-01'))![1]!;
    await ask(staff, `#绑定 ${code}`);
    await ask(staff, '#授权 @张老师 讲师', [lecturer]);
    await ask(lecturer, '#课表\n03-01 09:00-12:00 开店 张老师\n03-01 13:00-16:00 上架 张老师');
    await ask(staff, '#提交方案');
    await ask(staff, `#批准 ${code}`);
    cohortId = (await bot.deps.stores.cohorts.findByCode(code))!.id;

    await harness.waitFor(() => t.every((p) => harness.sentTo(p.id).some((m) => m.text.includes('培训反馈（张老师）'))), 'the survey in every trainee’s private chat', 40_000);
    await harness.waitFor(() => harness.sentTo(room.id).some((m) => m.text.includes('请大家填写反馈')), 'the group notice');
    expect(await privateAnswer(t[0], '5 4 4 希望多讲直播')).toContain('谢谢你的反馈');
    expect(await privateAnswer(t[1], '挺好的')).toContain('没看懂你的反馈。请回复：满意度 内容 节奏');
    expect(await privateAnswer(t[1], '2，3，3 节奏太快')).toContain('谢谢你的反馈');
    expect(await privateAnswer(t[2], '#反馈 4 4 5')).toContain('谢谢你的反馈');
    expect(await privateAnswer(t[2], '#反馈 1 1 1')).toContain('已经填写过');

    // The last session closed: the cohort is wrapped up for staff with tiers, the list and the archive.
    await harness.waitFor(() => harness.sentTo(staff.id).some((m) => m.text.includes('培训结束')), 'the end-of-training summary', 20_000);
    const ended = harness.sentTo(staff.id).find((m) => m.text.includes('培训结束'))!.text;
    // Nobody signed in: no trainee is put forward, and the list says so under its own name.
    expect(ended).toContain('推荐名单：暂无学员达到推荐门槛');
    expect(ended).not.toContain('优秀学员名单');
    expect(ended).toContain('不足 5 人');
    // No 讲师资料 was recorded: the report says so instead of guessing a tier.
    expect(ended).toContain('· 张老师 讲师等级：资料不全（缺年龄、从业年限、证书），无法评定');
    // The archive comes as a file, never as a server path.
    const fileName = /📎 培训档案 (\S+\.xlsx) 随后以文件私聊发送/.exec(ended)?.[1];
    expect(fileName).toMatch(/^网店班-档案-\d{8}\.xlsx$/);
    expect(ended).not.toMatch(/[/\\][^\s/\\]*\.xlsx/);
    // Staff also get the day's digest as a picture; the archive is the workbook.
    const isArchive = (f: { conversationId: string; name: string }) => f.conversationId === staff.id && f.name.endsWith('.xlsx');
    await harness.waitFor(() => harness.puppet.files.some(isArchive), 'the archive file in staff’s private chat', 20_000);
    const file = harness.puppet.files.find(isArchive)!;
    expect(file.name).toBe(fileName);
    expect(file.data.subarray(0, 2).toString()).toBe('PK');
    // Sent as a file: the text for platforms without files never reached staff.
    expect(harness.sentTo(staff.id).some((m) => m.text.includes('不能发送文件'))).toBe(false);
    await harness.waitFor(() => harness.sentTo(staff.id).some((m) => m.text.startsWith('📋 讲师考核表：张老师')), 'the scorecard to staff', 40_000);
    const card = harness.sentTo(staff.id).find((m) => m.text.startsWith('📋 讲师考核表'))!.text;
    // 2 of 3 respondents satisfied (66%): feedback passes; no homework was assigned: requirements fail.
    expect(card).toMatch(/^✅ 4\. /m);
    expect(card).toMatch(/^❌ 1\. /m);
    expect(card.split('\n').length).toBeLessThanOrEqual(12);
    expect(card).toContain('拒付课酬 40%');
    expect(card).not.toContain('情节严重');
    expect(card).toContain('\n讲师等级：资料不全（缺年龄、从业年限、证书），无法评定');
    expect(card).not.toContain('学员甲');
    expect(harness.sentTo(lecturer.id).some((m) => m.text.includes('讲师考核表'))).toBe(false);
  });

  it('plans follow-up visits 30, 90 and 180 days after the end, keeps them across a worker restart, and records each once', async () => {
    const ids = ['30', '90', '180'].map((w) => `follow-up_${cohortId}_${w}`);
    let jobs = await Promise.all(ids.map((id) => queue.getJob(id)));
    for (let i = 0; i < 100 && !jobs.every((j) => j !== undefined); i++) {
      await new Promise((r) => setTimeout(r, 100));
      jobs = await Promise.all(ids.map((id) => queue.getJob(id)));
    }
    expect(jobs.every((j) => j !== undefined)).toBe(true);
    const endsAt = fake('2027-03-01T10:00:00').getTime();
    const runAts = jobs.map((j) => clock.now().getTime() + (j!.timestamp + j!.delay - Date.now()) * SPEED);
    runAts.forEach((at, i) => expect(Math.abs(at - endsAt - [30, 90, 180][i]! * 86_400_000) / 86_400_000).toBeLessThan(1));

    await worker.stop();
    worker = await startTestWorker(config, clock);
    const job = (await queue.getJob(ids[0]!))!;
    await job.promote();
    await harness.waitFor(() => t.every((p) => harness.sentTo(p.id).some((m) => m.text.includes('结业 30 天回访'))), 'the 30-day questions', 20_000);
    // A duplicated wave (retried job) asks nobody twice and opens no second visit.
    await queue.add('open-follow-up', { cohortId, wave: 30 }, { jobId: `again_${cohortId}_30` });
    // The duplicate has run to completion and everything it could send has gone out.
    await waitForJobFinished(queue, `again_${cohortId}_30`);
    await waitUntilQueuesIdle(bot.deps);
    for (const p of t) expect(harness.sentTo(p.id).filter((m) => m.text.includes('结业 30 天回访'))).toHaveLength(1);
    expect(await privateAnswer(t[0], '开了 抖音 3000 需要直播带货指导')).toContain('回访已登记');
    expect(await privateAnswer(t[1], '嗯')).toContain('没看懂你的回答');
    const visits = await bot.deps.stores.followUps.listByCohort(cohortId, 30);
    expect(visits).toHaveLength(3);
    expect(visits.find((v) => v.userId === t[0].id)).toMatchObject({ openedShop: true, shopPlatform: '抖音', monthlySalesYuan: 3000, needsHelp: '直播带货指导' });
  });
});
