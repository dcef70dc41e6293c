import { randomBytes } from 'node:crypto';
import { FileBox } from 'file-box';
import type { mock } from 'wechaty-puppet-mock';
import { AdjustableClock } from '../../src/kernel/clock';
import type { Config } from '../../src/kernel/load-config';
import type { Cohort } from '../../src/domain/types';
import type { BotRuntime } from '../../bots/bot-runtime';
import { startWechatyHarness, type WechatyHarness } from '../support/wechaty-harness';
import { startTestBot, testConfig } from '../support/test-bot';
import { dropDatabase } from '../support/test-env';

const at = (day: string, hhmm: string) => new Date(`2027-03-${day}T${hhmm}:00+08:00`);

describe('homework loop over gRPC: assign, submit text and images, late, review next day', () => {
  let harness: WechatyHarness;
  let bot: BotRuntime;
  let config: Config;
  const clock = new AdjustableClock(at('01', '08:00'));
  let staff: mock.ContactMock;
  let lecturer: mock.ContactMock;
  let a: mock.ContactMock;
  let b: mock.ContactMock;
  let c: mock.ContactMock;
  let d: mock.ContactMock;
  let e: mock.ContactMock;
  let room: mock.RoomMock;
  let cohort: Cohort;
  const image = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(4096)]);

  const reply = (from: mock.ContactMock, text: string, mentions: mock.ContactMock[] = []) =>
    harness.ask(from, text, room, { mentions });
  /** Says `text` in the class group and returns the first message the bot then sends `from` privately (a homework receipt). */
  const receipt = async (from: mock.ContactMock, text: string) => {
    const before = harness.sentTo(from.id).length;
    harness.say(from, text, room);
    await harness.waitFor(() => harness.sentTo(from.id).length > before, `a private answer to ${text}`);
    return harness.sentTo(from.id)[before]!.text;
  };
  const pointsOf = async (who: mock.ContactMock) =>
    (await bot.deps.stores.points.listByCohort(cohort.id)).filter((p) => p.userId === who.id).map((p) => [p.reason, p.points]);
  const submissionsOf = async (who: mock.ContactMock) => (await bot.deps.stores.submissions.listByCohort(cohort.id)).filter((s) => s.userId === who.id);

  beforeAll(async () => {
    harness = await startWechatyHarness();
    [staff, lecturer, a, b, c, d, e] = harness.people(['周干事', '张老师', '学员甲', '学员乙', '学员丙', '学员丁', '学员戊']) as [
      mock.ContactMock, mock.ContactMock, mock.ContactMock, mock.ContactMock, mock.ContactMock, mock.ContactMock, mock.ContactMock,
    ];
    room = harness.room('短视频班', [staff, lecturer, a, b, c, d, e]);
    config = testConfig('homework', { ADMIN_IDS: staff.id });
    bot = await startTestBot(harness, config, clock);
    const code = /班级码：([A-Z0-9]{6})/.exec(await reply(staff, '#新建班级 短视频班 2027-03-01 2027-03-02'))![1]!;
    await reply(staff, `#绑定 ${code}`);
    await reply(staff, '#授权 @张老师 讲师', [lecturer]);
    cohort = (await bot.deps.stores.cohorts.findByCode(code))!;
  });

  afterAll(async () => {
    await bot?.stop();
    await harness?.stop();
    if (config) await dropDatabase(config.MONGODB_URI);
  });

  it('posts the homework to the group with its deadline', async () => {
    clock.set(at('01', '09:30'));
    const posted = await harness.ask(lecturer, '#布置作业 给自家产品写 3 条短视频标题 截止 21:00', room, { match: (m) => m.text.startsWith('📚') });
    expect(posted).toContain('📚 今日作业：给自家产品写 3 条短视频标题');
    expect(posted).toContain('03-01 21:00');
  });

  it('takes text, text with a later image, a quoted reply, and a late submission: receipts in private, one board in the group', async () => {
    clock.set(at('01', '10:00'));
    const groupBefore = harness.sentTo(room.id).length;
    expect(await receipt(a, '#交作业 1. 老树核桃现砸现发 2. 一口一个香 3. 山里的味道')).toBe('作业《给自家产品写 3 条短视频标题》已收到。');
    await receipt(b, '#交作业 标题见图');
    const before = harness.sentTo(b.id).length;
    b.say(FileBox.fromBase64(image.toString('base64'), 'title.png')).to(room);
    await harness.waitFor(() => harness.sentTo(b.id).length > before, 'the image acknowledgement');
    expect(harness.sentTo(b.id)[before]!.text).toBe('图片已加入你的作业（共 1 张）。');
    expect(await receipt(d, '「张老师：📚 今日作业：给自家产品写 3 条短视频标题」\n- - - - - - - - - - - - - - -\n小米粥 熬出来的香')).toContain('已收到（回复作业消息）');
    clock.set(at('01', '21:30'));
    expect(await receipt(c, '#交作业 晚了一点')).toContain('记为迟交');
    expect(await receipt(c, '#交作业 改好的版本')).toContain('第 2 次提交');
    // The group reads the live board, not one message per submission; the last refresh counts everyone.
    await harness.waitFor(() => harness.sentTo(room.id).slice(groupBefore).some((m) => /已交 4\/\d+ · 迟交 1 · 重交 1/u.test(m.text)), 'the final homework board');
    const inGroup = harness.sentTo(room.id).slice(groupBefore);
    expect(inGroup.every((m) => m.text.startsWith('📚 作业《给自家产品写 3 条短视频标题》') && m.mentionIds.length === 0)).toBe(true);
    expect(inGroup.length).toBeLessThanOrEqual(5);

    const [sa] = await submissionsOf(a);
    expect(sa).toMatchObject({ version: 1, late: false, text: '1. 老树核桃现砸现发 2. 一口一个香 3. 山里的味道' });
    const [sb] = await submissionsOf(b);
    expect(sb!.imageIds).toHaveLength(1);
    expect((await submissionsOf(d))[0]).toMatchObject({ text: '小米粥 熬出来的香', late: false });
    expect((await submissionsOf(c)).map((s) => [s.version, s.late, s.text])).toEqual([
      [1, true, '晚了一点'],
      [2, true, '改好的版本'],
    ]);
  });

  it('keeps the image bytes exactly as the trainee sent them', async () => {
    const [sb] = await submissionsOf(b);
    const stored = await bot.deps.stores.images.get(sb!.imageIds[0]!);
    expect(stored.equals(image)).toBe(true);
  });

  it('stores one submission and one set of points when the same message is delivered twice', async () => {
    const payload = [...harness.mocker.cacheMessagePayload.values()].find((p) => p.talkerId === a.id && p.text?.startsWith('#交作业'))!;
    const before = harness.sent.length;
    harness.puppet.emit('message', { messageId: payload.id });
    // The same trainee's next message in the same chat is handled after the redelivered one
    // (one conversation runs in arrival order): its answer is the signal that the duplicate is done.
    expect(await harness.ask(a, '#帮助', room)).toContain('我能帮你做这些');
    expect(harness.sent.length).toBe(before + 1);
    expect(await submissionsOf(a)).toHaveLength(1);
    expect(await pointsOf(a)).toEqual([
      ['homework_submitted', 2],
      ['homework_on_time', 1],
    ]);
  });

  it('refuses a review of someone who submitted nothing, a score out of range, and a review by a trainee', async () => {
    clock.set(at('02', '09:00'));
    const before = JSON.stringify(await bot.deps.stores.submissions.listByCohort(cohort.id));
    expect(await reply(lecturer, '#点评 @学员戊 80 不错', [e])).toContain('学员戊 还没有提交作业，无法点评');
    expect(await reply(lecturer, '#点评 @学员甲 120 太好了', [a])).toContain('分数要在 0 到 100 之间');
    expect(await reply(b, '#点评 @学员甲 90 好', [a])).toContain('只有讲师可以使用');
    expect(JSON.stringify(await bot.deps.stores.submissions.listByCohort(cohort.id))).toBe(before);
  });

  it('lists the review queue and records the next-day review with its points', async () => {
    // Asked in the group, the queue (every waiting submission quoted) goes to the lecturer privately.
    const privateBefore = harness.sentTo(lecturer.id).length;
    expect(await reply(lecturer, '#点评')).toContain('待点评的作业已私聊发给你');
    await harness.waitFor(() => harness.sentTo(lecturer.id).length > privateBefore, 'the queue in private');
    const queue = harness.sentTo(lecturer.id).slice(privateBefore)[0]!.text;
    expect(queue).toContain('待点评 4 份');
    expect(queue).toContain('学员丙（迟交）：改好的版本');
    const toA = await harness.ask(lecturer, '#点评 @学员甲 90 标题有卖点', room, { mentions: [a], match: (m) => m.mentionIds.includes(a.id) });
    expect(toA).toContain('作业点评：90 分，标题有卖点');
    await harness.ask(lecturer, '#点评 @学员丙 60', room, { mentions: [c], match: (m) => m.mentionIds.includes(c.id) });
    const [sa] = await submissionsOf(a);
    expect(sa!.review).toMatchObject({ score: 90, comment: '标题有卖点', reviewedBy: lecturer.id });
    // Reviewed the next day (the bot's clock runs on from 09:00 while the test proceeds).
    expect(sa!.review!.reviewedAt.getTime() - at('02', '09:00').getTime()).toBeLessThan(60_000);
    const reviewedC = (await submissionsOf(c)).map((s) => s.review?.score);
    expect(reviewedC).toEqual([undefined, 60]);
    expect(await pointsOf(a)).toEqual([
      ['homework_submitted', 2],
      ['homework_on_time', 1],
      ['homework_review', 4.5],
    ]);
    expect(await pointsOf(c)).toEqual([
      ['homework_submitted', 2],
      ['homework_review', 3],
    ]);
    expect(await pointsOf(b)).toEqual([
      ['homework_submitted', 2],
      ['homework_on_time', 1],
    ]);
  });
});
