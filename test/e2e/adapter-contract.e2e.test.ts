/**
 * One scenario suite, run through the real bot runtime against every platform adapter over
 * its real transport: Wechaty (puppet-service over gRPC, wechaty-puppet-mock behind it),
 * DingTalk (dingtalk-stream against the local fake gateway) and the built-in web chat (its HTTP
 * API and WebSocket, as its page uses them). A scenario speaks only through
 * a PlatformKit, so a new step (homework, a moderation warning) is written once and runs on
 * both; where platforms differ by design, branch on the capability methods of `runtime.deps.outbound`, not on the
 * platform's name.
 */
import type { mock } from 'wechaty-puppet-mock';
import { AdjustableClock, type Clock } from '../../src/kernel/clock';
import type { Config } from '../../src/kernel/load-config';
import type { Platform } from '../../src/platform/chat-event';
import { DingtalkAdapter } from '../../src/platform/dingtalk/dingtalk-adapter';
import { WebChatAdapter } from '../../src/platform/web/web-chat-adapter';
import { startBotRuntime, type BotRuntime } from '../../bots/bot-runtime';
import { startWechatyHarness } from '../support/wechaty-harness';
import { startDingtalkGateway, type DingtalkGroup, type DingtalkPerson } from '../support/dingtalk-gateway';
import { startTestBot, testConfig, testLog } from '../support/test-bot';
import { dropDatabase } from '../support/test-env';
import { connectWebChat, type WebChatClient } from '../support/web-chat-client';
import { isBoard, parseBoard } from '../support/sign-in-board-text';

/** A person as scenarios see them; `id` is the id the bot stores for them. */
interface Person {
  id: string;
  name: string;
}

/** A group chat the bot is in. */
interface Group {
  id: string;
  title: string;
}

/** Something the bot said, as the platform received it. */
interface Reply {
  text: string;
  /** Ids of the people the message @mentions. */
  mentionIds: string[];
}

/** What a scenario needs from a platform: people, groups, speaking as someone, reading the bot's replies. */
interface PlatformKit {
  platform: Platform;
  /** Extra configuration the platform's bot runs with. */
  env: Record<string, string>;
  people(names: string[]): Person[];
  group(title: string, members: Person[]): Group;
  /** Says something as `person`; in a group it is addressed the way the platform needs for the bot to receive it. */
  say(person: Person, text: string, where: Group | 'private', options?: { mentions?: Person[] }): void;
  /** What the bot said in a group, or privately to a person, oldest first. */
  repliesIn(where: Group | Person): Reply[];
  waitFor(check: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  startBot(config: Config, clock: Clock): Promise<BotRuntime>;
  stop(): Promise<void>;
}

/** Wechaty: sees every group message, so a group message needs no @mention. */
async function wechatyKit(): Promise<PlatformKit> {
  const harness = await startWechatyHarness();
  const contacts = new Map<string, mock.ContactMock>();
  const rooms = new Map<string, mock.RoomMock>();
  const contact = (p: Person) => contacts.get(p.id)!;
  return {
    platform: 'wechaty',
    env: { BOT_PLATFORM: 'wechaty' },
    people: (names) =>
      harness.people(names).map((c) => {
        contacts.set(c.id, c);
        return { id: c.id, name: c.payload.name };
      }),
    group: (title, members) => {
      const room = harness.room(title, members.map(contact));
      rooms.set(room.id, room);
      return { id: room.id, title };
    },
    say: (person, text, where, options = {}) => {
      if (where === 'private') contact(person).say(text).to(harness.botUser);
      else harness.say(contact(person), text, rooms.get(where.id)!, (options.mentions ?? []).map(contact));
    },
    repliesIn: (where) => harness.sentTo(where.id).map((m) => ({ text: m.text, mentionIds: m.mentionIds })),
    waitFor: (check, what, timeoutMs) => harness.waitFor(check, what, timeoutMs),
    startBot: (config, clock) => startTestBot(harness, config, clock),
    stop: () => harness.stop(),
  };
}

/** DingTalk: the robot only receives group messages that @mention it, so every group message does. */
async function dingtalkKit(): Promise<PlatformKit> {
  const gateway = await startDingtalkGateway();
  const people = new Map<string, DingtalkPerson>();
  const groups = new Map<string, DingtalkGroup>();
  const person = (p: Person) => people.get(p.id)!;
  return {
    platform: 'dingtalk',
    env: { BOT_PLATFORM: 'dingtalk', ...gateway.env() },
    people: (names) =>
      gateway.people(names).map((p) => {
        people.set(p.staffId, p);
        return { id: p.staffId, name: p.name };
      }),
    group: (title, members) => {
      const g = gateway.group(title, members.map(person));
      groups.set(g.conversationId, g);
      return { id: g.conversationId, title };
    },
    say: (p, text, where, options = {}) => {
      const mentions = (options.mentions ?? []).map(person);
      gateway.say(person(p), text, where === 'private' ? 'private' : groups.get(where.id)!, { atBot: true, mentions });
    },
    repliesIn: (where) => gateway.sentTo(where.id).map((m) => ({ text: m.text, mentionIds: m.atUserIds })),
    waitFor: (check, what, timeoutMs) => gateway.waitFor(check, what, timeoutMs),
    startBot: (config, clock) =>
      startBotRuntime(
        config,
        new DingtalkAdapter({
          clientId: config.DINGTALK_CLIENT_ID!,
          clientSecret: config.DINGTALK_CLIENT_SECRET!,
          gatewayUrl: config.DINGTALK_GATEWAY_URL,
          apiUrl: config.DINGTALK_API_URL,
          botName: config.BOT_NAME,
          connectTimeoutMs: config.BOT_LOGIN_TIMEOUT_SECONDS * 1000,
          log: testLog,
        }),
        clock,
        testLog,
      ),
    stop: () => gateway.stop(),
  };
}

/**
 * The web chat: sees every group message. People and the group are registered on the chat
 * once it runs (they were there before the bot, as in a real group); each message is posted
 * over HTTP after the previous one was taken, and the bot's messages are read off the
 * WebSocket, a board's refresh (an edit in place) counting as one more message.
 */
async function webKit(): Promise<PlatformKit> {
  let seq = 0;
  const people: Person[] = [];
  const groups: { group: Group; members: Person[] }[] = [];
  let client: WebChatClient | null = null;
  let posting: Promise<unknown> = Promise.resolve();
  let failure: unknown = null;
  const chat = () => {
    if (!client) throw new Error('the web chat is not running yet');
    return client;
  };
  return {
    platform: 'web',
    env: { BOT_PLATFORM: 'web', WEB_PORT: '0' },
    people: (names) =>
      names.map((name) => {
        const p = { id: `web-person-${++seq}`, name };
        people.push(p);
        return p;
      }),
    group: (title, members) => {
      const g = { id: `web-group-${++seq}`, title };
      groups.push({ group: g, members });
      return g;
    },
    say: (person, text, where, options = {}) => {
      const to = where === 'private' ? { kind: 'private' as const, id: person.id } : { kind: 'group' as const, id: where.id };
      const mentionIds = (options.mentions ?? []).map((m) => m.id);
      posting = posting.then(() => chat().say(person.id, to, text, mentionIds)).catch((err: unknown) => (failure = err));
    },
    repliesIn: (where) =>
      chat()
        .updates.filter((u) => u.message.fromBot && !u.message.notice && u.reason !== 'recalled' && u.message.conversation.id === where.id)
        .map((u) => ({ text: u.message.text, mentionIds: u.message.mentionIds })),
    waitFor: (check, what, timeoutMs) =>
      chat().waitFor(
        () => {
          if (failure) throw failure instanceof Error ? failure : new Error('a message could not be posted');
          return check();
        },
        what,
        timeoutMs,
      ),
    async startBot(config, clock) {
      const adapter = new WebChatAdapter({
        host: config.WEB_HOST,
        port: config.WEB_PORT,
        mongoUri: config.MONGODB_URI,
        botName: config.BOT_NAME,
        timezone: config.TZ_DEFAULT,
        clock,
        log: testLog,
      });
      const runtime = await startBotRuntime(config, adapter, clock, testLog);
      client = await connectWebChat(adapter.url);
      for (const { group, members } of groups) {
        await client.register(members, { id: group.id, title: group.title, memberIds: members.map((m) => m.id) });
      }
      const strangers = people.filter((p) => !groups.some((g) => g.members.includes(p)));
      if (strangers.length > 0) await client.register(strangers);
      return runtime;
    },
    async stop() {
      await posting;
      await client?.close();
    },
  };
}

// 2027-03-01 in Asia/Shanghai; far from the real date so the bot's clock decides every window.
const at = (hhmm: string) => new Date(`2027-03-01T${hhmm}:00+08:00`);

describe.each([
  ['Wechaty', wechatyKit],
  ['DingTalk', dingtalkKit],
  ['web chat', webKit],
])('adapter contract: %s', (_label, makeKit) => {
  let kit: PlatformKit;
  let runtime: BotRuntime;
  let config: Config;
  const clock = new AdjustableClock(at('08:00'));
  let staff: Person;
  let lecturer: Person;
  let trainees: Person[];
  let group: Group;

  /**
   * Says `text` and resolves with the bot's answer where it was said: in a group the first later
   * message that @mentions the sender (a board refresh may come first), privately the first one.
   */
  const ask = async (from: Person, text: string, where: Group | 'private' = group): Promise<Reply> => {
    const inbox = where === 'private' ? from : where;
    const before = kit.repliesIn(inbox).length;
    const answer = () => kit.repliesIn(inbox).slice(before).find((m) => where === 'private' || m.mentionIds.includes(from.id));
    kit.say(from, text, where);
    await kit.waitFor(() => answer() !== undefined, `a reply to ${text}`);
    return answer()!;
  };

  const cohortCount = () => runtime.deps.stores.cohorts.count();

  beforeAll(async () => {
    kit = await makeKit();
    [staff, lecturer, ...trainees] = kit.people(['王老师', '张老师', '学员甲', '学员乙', '学员丙', '学员丁']) as [Person, Person, ...Person[]];
    group = kit.group('直播带货一期', [staff, lecturer, ...trainees]);
    config = testConfig(`contract_${kit.platform}`, { ...kit.env, ADMIN_IDS: staff.id });
    runtime = await kit.startBot(config, clock);
  });

  afterAll(async () => {
    await runtime?.stop();
    await kit?.stop();
    if (config) await dropDatabase(config.MONGODB_URI);
  });

  it('sets up a cohort through chat: create, bind, timetable, plan approval', async () => {
    const created = await ask(staff, '#新建班级 直播带货一期 2027-03-01 2027-03-02 县电商服务中心');
    const code = /班级码：([A-Z0-9]{6})/.exec(created.text)?.[1];
    expect(code).toBeDefined();
    expect((await ask(staff, `#绑定 ${code}`)).text).toContain('已绑定');
    const before = kit.repliesIn(group).length;
    kit.say(staff, '#授权 @张老师 讲师', group, { mentions: [lecturer] });
    await kit.waitFor(() => kit.repliesIn(group).slice(before).some((m) => m.text.includes('设为本班讲师')), 'the lecturer role');
    expect((await ask(staff, '#课表\n03-01 09:00-12:00 直播基础 张老师\n03-01 14:00-17:00 短视频拍摄 张老师')).text).toContain('已保存 2 节课');
    expect((await ask(staff, '#提交方案')).text).toContain('已提交');
    expect((await ask(staff, `#批准 ${code}`)).text).toContain('已批准');
  });

  it('@mentions the sender when it answers in a group', async () => {
    const reply = await ask(staff, '#帮助 签到');
    expect(reply.text).toContain('#签到');
    expect(reply.mentionIds).toEqual([staff.id]);
  });

  it('records one attendance per trainee from repeated sign-ins, shows them on one coalesced board and answers each repeat', async () => {
    clock.set(at('08:40'));
    const before = kit.repliesIn(group).length;
    const privateBefore = new Map(trainees.map((t) => [t.id, kit.repliesIn(t).length]));
    for (let round = 0; round < 2; round++) for (const t of trainees) kit.say(t, round === 0 ? '签到' : '#签到', group);
    // A repeat is answered privately with the record that stands; the group sees only the board.
    const standing = '你已于 08:40 签到（准时）：直播基础';
    const answersTo = (t: Person) => kit.repliesIn(t).slice(privateBefore.get(t.id)).filter((m) => m.text.includes(standing));
    await kit.waitFor(
      () => kit.repliesIn(group).slice(before).some((m) => m.text.includes(`已签到 ${trainees.length}/${trainees.length}`)) && trainees.every((t) => answersTo(t).length > 0),
      'the full board and an answer to every repeat',
    );

    const [session] = await runtime.deps.stores.sessions.listByCohort((await runtime.deps.stores.bindings.findByGroup(kit.platform, group.id))!.cohortId);
    const records = await runtime.deps.stores.attendance.listBySession(session!.id);
    expect(records.map((r) => r.userId).sort()).toEqual(trainees.map((t) => t.id).sort());
    expect(records.every((r) => r.status === 'on_time')).toBe(true);
    const said = kit.repliesIn(group).slice(before);
    const boards = said.filter((m) => isBoard(m.text));
    // Nothing but boards in the group, and exactly one private answer per repeat.
    expect(said.filter((m) => !isBoard(m.text))).toEqual([]);
    for (const t of trainees) expect(answersTo(t)).toHaveLength(1);
    // A repeat leaves the board as it was: at most one board per new sign-in.
    expect(boards.length).toBeLessThanOrEqual(trainees.length);
    // Counts only grow, and a full house on time names nobody: no exceptions to list.
    const counts = boards.map((m) => parseBoard(m.text).counts.present);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    const last = parseBoard(boards[boards.length - 1]!.text);
    expect(last.counts).toEqual({ present: trainees.length, total: trainees.length, late: 0, leave: 0, absent: 0, missing: 0 });
    for (const t of trainees) expect(boards[boards.length - 1]!.text).not.toContain(t.name);
  });

  it('sends the lecturer the full sign-in list privately on #签到名单, and the group one line', async () => {
    const before = kit.repliesIn(lecturer).length;
    const note = await ask(lecturer, '#签到名单');
    expect(note.text.split('\n')).toHaveLength(1);
    for (const t of trainees) expect(note.text).not.toContain(t.name);
    await kit.waitFor(() => kit.repliesIn(lecturer).length > before, 'the list in private');
    const list = kit.repliesIn(lecturer)[before]!.text.split('\n');
    expect(list[0]).toBe('📋 签到名单 03-01 09:00-12:00 直播基础');
    expect(list[1]).toBe(`已签到 ${trainees.length}/${trainees.length}`);
    expect(list[2]).toMatch(new RegExp(`^✅ 准时 ${trainees.length}：`));
    expect(list[2]!.replace(/^[^：]*：/u, '').split('、').sort()).toEqual(trainees.map((t) => t.name).sort());
  });

  it('answers a malformed command with the right form in Chinese and changes nothing', async () => {
    const before = await cohortCount();
    const reply = await ask(staff, '#新建班级 只有名字');
    expect(reply.text).toContain('格式不对');
    expect(reply.text).toContain('#新建班级 <名称> <开始日期> <结束日期>');
    expect(await cohortCount()).toBe(before);
  });

  it('answers a private message privately', async () => {
    const reply = await ask(trainees[0]!, '#帮助', 'private');
    expect(reply.text).toContain('我能帮你做这些');
    expect(kit.repliesIn(group).some((m) => m.text === reply.text)).toBe(false);
  });

  it('runs the homework loop: assign, submit, review', async () => {
    clock.set(at('10:00'));
    let before = kit.repliesIn(group).length;
    kit.say(lecturer, '#布置作业 写 3 条商品标题 截止 21:00', group);
    await kit.waitFor(() => kit.repliesIn(group).slice(before).some((m) => m.text.includes('📚 今日作业：写 3 条商品标题')), 'the homework post');
    // The receipt goes to the trainee privately; the group sees the homework board, not a reply per submission.
    const trainee = trainees[0]!;
    const privately = kit.repliesIn(trainee).length;
    before = kit.repliesIn(group).length;
    kit.say(trainee, '#交作业 老树核桃 现砸现发', group);
    await kit.waitFor(() => kit.repliesIn(trainee).slice(privately).some((m) => m.text === '作业《写 3 条商品标题》已收到。'), 'the private receipt');
    await kit.waitFor(
      () => kit.repliesIn(group).slice(before).some((m) => m.text.startsWith('📚 作业《写 3 条商品标题》') && m.text.includes(`已交 1/${trainees.length}`)),
      'the homework board',
    );
    expect(kit.repliesIn(group).slice(before).filter((m) => m.mentionIds.includes(trainee.id) || m.text.includes('已收到'))).toEqual([]);
    before = kit.repliesIn(group).length;
    kit.say(lecturer, '#点评 @学员甲 90 有卖点', group, { mentions: [trainees[0]!] });
    await kit.waitFor(() => kit.repliesIn(group).slice(before).some((m) => m.text.includes('作业点评：90 分')), 'the review');
    const [submission] = (await runtime.deps.stores.submissions.listByCohort((await runtime.deps.stores.bindings.findByGroup(kit.platform, group.id))!.cohortId)).filter(
      (x) => x.userId === trainees[0]!.id,
    );
    expect(submission).toMatchObject({ text: '老树核桃 现砸现发', late: false, review: { score: 90 } });
  });

  it('warns a member publicly for a banned word and logs the rule', async () => {
    const warning = await ask(trainees[1]!, '谁有毛片资源');
    expect(warning.text).toContain('请遵守群规：禁止涉及黄赌毒等敏感话题');
    expect(warning.mentionIds).toEqual([trainees[1]!.id]);
    const cohortId = (await runtime.deps.stores.bindings.findByGroup(kit.platform, group.id))!.cohortId;
    const [logged] = await runtime.deps.stores.moderation.list(cohortId);
    expect(logged).toMatchObject({ kind: 'warn', rule: '色情:毛片', userId: trainees[1]!.id });
  });
});
