import type { mock } from 'wechaty-puppet-mock';
import { AdjustableClock } from '../../src/kernel/clock';
import type { Config } from '../../src/kernel/load-config';
import type { Cohort } from '../../src/domain/types';
import type { BotRuntime } from '../../bots/bot-runtime';
import { startWechatyHarness, type WechatyHarness } from '../support/wechaty-harness';
import { startTestBot, testConfig } from '../support/test-bot';
import { dropDatabase } from '../support/test-env';
import { waitUntilHandled } from '../support/handled';

const at = (hhmm: string) => new Date(`2027-03-01T${hhmm}:00+08:00`);

describe('moderation over gRPC: category actions, the warning ladder, expiry, undo, the log', () => {
  let harness: WechatyHarness;
  let bot: BotRuntime;
  let config: Config;
  const clock = new AdjustableClock(at('09:00'));
  let staff: mock.ContactMock;
  let t1: mock.ContactMock;
  let t2: mock.ContactMock;
  let t3: mock.ContactMock;
  let room: mock.RoomMock;
  let cohort: Cohort;

  const ask = (from: mock.ContactMock, text: string, mentions: mock.ContactMock[] = []) => harness.ask(from, text, room, { mentions });
  const log = async () => (await bot.deps.stores.moderation.list(cohort.id)).reverse();
  const messageIdOf = (from: mock.ContactMock, text: string) =>
    [...harness.mocker.cacheMessagePayload.values()].filter((p) => p.talkerId === from.id && p.text === text).pop()!.id;

  beforeAll(async () => {
    harness = await startWechatyHarness();
    [staff, t1, t2, t3] = harness.people(['周干事', '学员甲', '学员乙', '学员丙']) as [mock.ContactMock, mock.ContactMock, mock.ContactMock, mock.ContactMock];
    room = harness.room('电商一期', [staff, t1, t2, t3]);
    config = testConfig('moderation', { ADMIN_IDS: staff.id, MODERATION_MUTE_AFTER: '3', MODERATION_REMOVE_AFTER: '5', MODERATION_WARNING_TTL_HOURS: '1', MODERATION_MUTE_MINUTES: '30' });
    bot = await startTestBot(harness, config, clock);
    const code = /班级码：([A-Z0-9]{6})/.exec(await ask(staff, '#新建班级 电商一期 2027-03-01 2027-03-02'))![1]!;
    await ask(staff, `#绑定 ${code}`);
    cohort = (await bot.deps.stores.cohorts.findByCode(code))!;
  });

  afterAll(async () => {
    await bot?.stop();
    await harness?.stop();
    if (config) await dropDatabase(config.MONGODB_URI);
  });

  it('warns publicly, citing the rule, for a banned word and logs the rule that fired', async () => {
    const warning = await ask(t1, '谁有毛片资源发我');
    expect(warning).toContain('请遵守群规：禁止涉及黄赌毒等敏感话题');
    expect(warning).toContain('第 1 次提醒');
    const [first] = await log();
    expect(first).toMatchObject({ kind: 'warn', rule: '色情:毛片', userId: t1.id, categories: ['色情'] });
  });

  it('recalls political content and escalates it to staff at once, without repeating it', async () => {
    const before = harness.sent.length;
    harness.say(t1, '大家看看大纪元的报道', room);
    await harness.waitFor(() => harness.sentTo(staff.id).some((m) => m.text.includes('涉政内容')), 'the escalation to staff');
    expect(harness.puppet.recalled).toContain(messageIdOf(t1, '大家看看大纪元的报道'));
    const toGroup = harness.sent.slice(before).filter((m) => m.conversationId === room.id);
    expect(toGroup.some((m) => m.text.includes('一条消息已被撤回'))).toBe(true);
    expect(toGroup.some((m) => m.text.includes('大纪元'))).toBe(false);
    expect((await log()).pop()).toMatchObject({ kind: 'escalate', rule: '政治:大纪元', recalled: true });
  });

  it('mutes at the third warning inside the window, tells staff what to do, and ignores the muted member', async () => {
    await ask(t2, '网赌稳赚，加我');
    await ask(t2, '来赌场玩');
    const third = await ask(t2, '今晚网赌');
    expect(third).toContain('第 3 次提醒');
    expect(third).toContain('禁言 30 分钟');
    await harness.waitFor(() => harness.sentTo(staff.id).some((m) => m.text.includes('请群主在群设置中将 学员乙 禁言 30 分钟')), 'the staff todo');
    const kinds = (await log()).filter((r) => r.userId === t2.id).map((r) => r.kind);
    expect(kinds).toEqual(['warn', 'warn', 'warn', 'mute']);
    const before = harness.sentTo(room.id).length;
    const asked = () => [...harness.mocker.cacheMessagePayload.values()].filter((p) => p.talkerId === t2.id && p.text === '#帮助').length;
    const earlier = asked();
    harness.say(t2, '#帮助', room);
    await harness.waitFor(() => asked() > earlier, 'the muted message');
    await waitUntilHandled(bot.deps, 'wechaty', messageIdOf(t2, '#帮助'));
    expect(harness.sentTo(room.id).length).toBe(before);
  });

  it('undoes warnings and the mute with 解除, and the member is heard again', async () => {
    expect(await ask(staff, '#解除 @学员乙', [t2])).toContain('已解除 学员乙 的');
    expect(await ask(t2, '#帮助')).toContain('我能帮你做这些');
    const t2Log = (await log()).filter((r) => r.userId === t2.id);
    expect(t2Log.every((r) => r.undoneAt && r.undoneBy === staff.id)).toBe(true);
  });

  it('stops counting a warning once it has expired', async () => {
    await ask(t3, '有没有黄片');
    clock.set(at('10:01')); // the first warning expired at 10:00
    expect(await ask(t3, '谁要黄片')).toContain('第 1 次提醒');
    expect(await ask(t3, '包夜服务')).toContain('第 2 次提醒');
    expect((await log()).filter((r) => r.userId === t3.id).map((r) => r.kind)).toEqual(['warn', 'warn', 'warn']);
  });

  it('lets staff review the log, and a member appeal privately', async () => {
    const review = await ask(staff, '#审核');
    expect(review).toContain('学员甲 警告 规则：色情：毛片');
    expect(review).toContain('学员乙 禁言');
    t1.say('#申诉 我是在问怎么举报').to(harness.mocker.ContactMock.load(harness.botUser.id));
    await harness.waitFor(() => harness.sentTo(staff.id).some((m) => m.text.includes('提出申诉：我是在问怎么举报')), 'the appeal forwarded to staff');
  });
});
