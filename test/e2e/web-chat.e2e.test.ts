/**
 * The built-in web chat end to end, through its real HTTP API and WebSocket (as its page uses
 * them), the real bot runtime, Redis and MongoDB: the demo cohort staged in its class group,
 * the sign-in and homework boards edited in place, an uploaded image joining homework, files as downloads,
 * newcomers, removal, recall, and its people, groups and messages surviving a restart. The
 * last part runs `cohort-bot bot` with nothing configured but the databases, as docker compose does.
 */
import { AdjustableClock } from '../../src/kernel/clock';
import type { Config } from '../../src/kernel/load-config';
import { WEB_CLASS_GROUP_ID, WebChatAdapter } from '../../src/platform/web/web-chat-adapter';
import { startBotRuntime, type BotRuntime } from '../../bots/bot-runtime';
import { stageWebDemo, type StagedDemo } from '../../bots/demo-command';
import { startBotProcess, type BotProcess } from '../support/bot-process';
import { testConfig, testLog } from '../support/test-bot';
import { dropDatabase, mongoUriFor, redisUrl, uniqueName } from '../support/test-env';
import { connectWebChat, TINY_PNG, type PageMessage, type WebChatClient } from '../support/web-chat-client';

const at = (hhmm: string) => new Date(`2027-03-01T${hhmm}:00+08:00`);
const group = { kind: 'group' as const, id: WEB_CLASS_GROUP_ID };
const STAFF = 'demo-staff';
const LECTURER = 'demo-lecturer';
const trainee = (n: number) => `demo-trainee-${n}`;

describe('the web chat with the demo cohort', () => {
  const clock = new AdjustableClock(at('08:40'));
  let config: Config;
  let adapter: WebChatAdapter;
  let runtime: BotRuntime;
  let chat: WebChatClient;
  let demo: StagedDemo;

  const start = async () => {
    adapter = new WebChatAdapter({ host: config.WEB_HOST, port: config.WEB_PORT, mongoUri: config.MONGODB_URI, botName: config.BOT_NAME, timezone: config.TZ_DEFAULT, clock, log: testLog });
    runtime = await startBotRuntime(config, adapter, clock, testLog);
    chat = await connectWebChat(adapter.url);
  };
  const stop = async () => {
    await runtime?.stop();
    await chat?.close();
  };
  /** Says `text` and resolves with the first later message from the bot in that conversation that `match` accepts. */
  const ask = async (from: string, text: string, where = group as { kind: 'group' | 'private'; id: string }, match: (m: PageMessage) => boolean = (m) => m.mentionIds.includes(from) || where.kind === 'private', mentionIds?: string[]) => {
    const before = chat.updates.length;
    const found = () => chat.updates.slice(before).find((u) => u.message.fromBot && u.message.conversation.id === where.id && match(u.message))?.message;
    await chat.say(from, where, text, mentionIds);
    await chat.waitFor(() => found() !== undefined, `the bot's answer to ${text}`);
    return found()!;
  };

  beforeAll(async () => {
    config = testConfig('webchat', { BOT_PLATFORM: 'web', WEB_PORT: '0', SIGNIN_BOARD_INTERVAL_MS: '300' });
    await start();
    demo = (await stageWebDemo(runtime, adapter, { trainees: 4, mode: 'fresh' }))!;
  });

  afterAll(async () => {
    await stop();
    if (config) await dropDatabase(config.MONGODB_URI);
  });

  it('listens on loopback by default', () => {
    expect(config.WEB_HOST).toBe('127.0.0.1');
    expect(adapter.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('stages the demo cohort in the class group: its people are the members the bot sees, its jobs are planned', async () => {
    expect(demo).toMatchObject({ created: true, trainees: 4, sessions: 4 });
    expect(demo.jobs).toBeGreaterThan(0);
    const members = (await runtime.deps.outbound.listMembers!(WEB_CLASS_GROUP_ID)).map((m) => m.id);
    expect(members).toEqual(expect.arrayContaining([STAFF, LECTURER, trainee(1), trainee(4), runtime.self.id]));
    const binding = await runtime.deps.stores.bindings.findByGroup('web', WEB_CLASS_GROUP_ID);
    expect(binding?.cohortId).toBe(demo.cohort.id);
    expect(await runtime.deps.scheduler.plannedIds(`close-session_`)).toHaveLength(4);
    // The bot's DEMO_SEED stages a demo only into a database without any cohort.
    expect(await stageWebDemo(runtime, adapter, { trainees: 4, mode: 'when-empty' })).toBeNull();
  });

  it('shows the sign-in board as one message that a burst of sign-ins updates in place', async () => {
    const before = chat.updates.length;
    await Promise.all([1, 2, 3, 4].map((n) => chat.say(trainee(n), group, '签到')));
    const boards = () => chat.updates.slice(before).filter((u) => u.message.fromBot && u.message.text.startsWith('📋 签到'));
    await chat.waitFor(() => boards().some((u) => u.message.text.includes('已签到 4/4')), 'the full board');
    const ids = new Set(boards().map((u) => u.message.id));
    expect(ids.size).toBe(1);
    expect(boards().slice(1).every((u) => u.type === 'update' && u.reason === 'edited')).toBe(true);
    const history = (await chat.history(group)).filter((m) => m.text.startsWith('📋 签到'));
    expect(history).toHaveLength(1);
    expect(history[0]!.text).toContain('已签到 4/4');
  });

  /** The bot's messages since update `from` in the conversation `where`. */
  const botSaid = (from: number, where: { kind: 'group' | 'private'; id: string }) =>
    chat.updates.slice(from).filter((u) => u.message.fromBot && u.message.conversation.kind === where.kind && u.message.conversation.id === where.id);
  const homeworkBoards = (from: number) => botSaid(from, group).filter((u) => u.message.text.startsWith('📚 作业《拍一张自家产品的主图》'));
  const privately = (person: string) => ({ kind: 'private' as const, id: person });

  it('joins an image a trainee uploads after 交作业 to their homework', async () => {
    expect((await ask(LECTURER, '#布置作业 拍一张自家产品的主图 截止 21:00', group, (m) => m.text.startsWith('📚 今日作业'))).text).toContain('拍一张自家产品的主图');
    let before = chat.updates.length;
    await chat.say(trainee(1), group, '#交作业 老树核桃 现砸现发');
    // The group sees the homework board; the receipt goes to the trainee privately.
    await chat.waitFor(() => homeworkBoards(before).some((u) => u.message.text.split('\n')[1]!.startsWith('已交 1/4')), 'the homework board');
    await chat.waitFor(() => botSaid(before, privately(trainee(1))).some((u) => u.message.text === '作业《拍一张自家产品的主图》已收到。'), 'the private receipt');
    expect(botSaid(before, group).filter((u) => u.message.mentionIds.includes(trainee(1)))).toEqual([]);
    before = chat.updates.length;
    const image = await chat.sendImage(trainee(1), group, 'walnut.png', TINY_PNG);
    expect(image.file).toMatchObject({ kind: 'image', name: 'walnut.png' });
    await chat.waitFor(() => botSaid(before, privately(trainee(1))).some((u) => u.message.text === '图片已加入你的作业（共 1 张）。'), 'the image joining the homework');
    const [submission] = (await runtime.deps.stores.submissions.listByCohort(demo.cohort.id)).filter((s) => s.userId === trainee(1));
    expect(submission!.imageIds).toHaveLength(1);
    expect(await runtime.deps.stores.images.get(submission!.imageIds[0]!)).toEqual(TINY_PNG);
    const served = await fetch(new URL(image.file!.url, adapter.url));
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(TINY_PNG);
  });

  it('shows the homework board as one message that later submissions update in place', async () => {
    const first = (await chat.history(group)).filter((m) => m.text.startsWith('📚 作业《'));
    expect(first).toHaveLength(1);
    const before = chat.updates.length;
    await Promise.all([2, 3].map((n) => chat.say(trainee(n), group, `#交作业 第 ${n} 位的主图见后`)));
    await chat.waitFor(() => homeworkBoards(before).some((u) => u.message.text.split('\n')[1]!.startsWith('已交 3/4')), 'the board with three handed in');
    // Every refresh is an edit of the one board already in the group.
    expect(homeworkBoards(before).every((u) => u.type === 'update' && u.reason === 'edited' && u.message.id === first[0]!.id)).toBe(true);
    const history = (await chat.history(group)).filter((m) => m.text.startsWith('📚 作业《'));
    expect(history.map((m) => m.id)).toEqual([first[0]!.id]);
    expect(history[0]!.text).toContain('已交 3/4');
    expect(history[0]!.text).toContain('⬜ 未交：');
  });

  it('answers a private message privately and sends an export privately as a download', async () => {
    const me = await ask(trainee(2), '#我的', { kind: 'private', id: trainee(2) });
    expect(me.conversation).toEqual({ kind: 'private', id: trainee(2) });
    const before = chat.updates.length;
    await ask(STAFF, '#导出 签到表', group, (m) => m.text.includes('已私聊发给你'));
    await chat.waitFor(() => chat.updates.slice(before).some((u) => u.message.conversation.id === STAFF && u.message.file !== null), 'the workbook');
    const file = chat.updates.slice(before).find((u) => u.message.conversation.id === STAFF && u.message.file)!.message.file!;
    expect(file).toMatchObject({ kind: 'file' });
    expect(file.name).toMatch(/\.xlsx$/);
    const res = await fetch(new URL(file.url, adapter.url));
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a message from someone who is not in the group, and nothing reaches the bot', async () => {
    await chat.register([{ id: 'web-outsider', name: '路人' }]);
    await expect(chat.say('web-outsider', group, '签到')).rejects.toThrow(/400/);
    expect((await chat.history(group)).some((m) => m.senderId === 'web-outsider')).toBe(false);
  });

  it('recalls a message with a banned word', async () => {
    const warning = await ask(trainee(3), '谁有毛片资源');
    expect(warning.text).toContain('请遵守群规');
    await chat.waitFor(() => chat.updates.some((u) => u.reason === 'recalled' && u.message.senderId === trainee(3)), 'the recall');
    const recalled = (await chat.history(group)).find((m) => m.senderId === trainee(3) && m.recalled);
    expect(recalled).toMatchObject({ text: '', recalled: true });
  });

  it('enrols and welcomes a newcomer who joins the group through the page', async () => {
    const before = chat.updates.length;
    const res = await fetch(new URL('/api/people', adapter.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '新同学', label: '学员', groupId: WEB_CLASS_GROUP_ID }),
    });
    const { person } = (await res.json()) as { person: { id: string } };
    await chat.waitFor(() => chat.updates.slice(before).some((u) => u.message.fromBot && u.message.mentionIds.includes(person.id)), 'the welcome');
    expect(chat.updates.slice(before).some((u) => u.message.notice && u.message.text === '新同学 加入了群聊')).toBe(true);
    expect((await runtime.deps.stores.members.find(demo.cohort.id, 'web', person.id))?.roles).toEqual(['trainee']);
  });

  it('removes a member when staff say 移出, and the group shows it', async () => {
    const before = chat.updates.length;
    await chat.say(STAFF, group, '#移出 @刘志强', [trainee(4)]);
    await chat.waitFor(() => chat.updates.slice(before).some((u) => u.message.notice && u.message.text.includes('被移出了群聊')), 'the removal');
    expect((await runtime.deps.outbound.listMembers!(WEB_CLASS_GROUP_ID)).map((m) => m.id)).not.toContain(trainee(4));
  });

  it('keeps its people, groups and messages across a restart, and the bot still knows them', async () => {
    const historyBefore = await chat.history(group);
    await stop();
    await start();
    const state = (await (await fetch(new URL('/api/state', adapter.url))).json()) as { people: { id: string }[]; groups: { id: string; title: string }[] };
    expect(state.people.map((p) => p.id)).toEqual(expect.arrayContaining([STAFF, LECTURER, trainee(1)]));
    expect(state.groups.find((g) => g.id === WEB_CLASS_GROUP_ID)?.title).toBe('电商直播演示班');
    // A reply still on its way at the stop may have joined the history since; nothing before it is gone.
    expect((await chat.history(group)).map((m) => m.id)).toEqual(expect.arrayContaining(historyBefore.map((m) => m.id)));
    const me = await ask(trainee(1), '#我的', { kind: 'private', id: trainee(1) });
    expect(me.text).toContain('电商直播演示班');
    expect(me.text).toContain('王秀英');
  });
});

describe('cohort-bot bot with nothing configured but the databases', () => {
  let bot: BotProcess | undefined;
  const mongo = mongoUriFor('webchat_cli');

  afterAll(async () => {
    if (bot && bot.child.exitCode === null) {
      bot.child.kill('SIGTERM');
      await bot.exited;
    }
    await dropDatabase(mongo);
  });

  it('runs the web chat on loopback, says so, and stages the demo cohort on an empty database', async () => {
    bot = await startBotProcess('bot', { MONGODB_URI: mongo, REDIS_URL: redisUrl(), QUEUE_PREFIX: uniqueName('webchat_cli'), WEB_PORT: '0' });
    const listening = () => /web chat listening on (http:\/\/127\.0\.0\.1:\d+\/) \(loopback only/.exec(bot!.output());
    const deadline = Date.now() + 20_000;
    while (!listening() || !bot.output().includes('staged in the web chat')) {
      if (Date.now() > deadline) throw new Error(`no web chat or demo in the log:\n${bot.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const state = (await (await fetch(new URL('/api/state', listening()![1]))).json()) as { people: { label: string }[]; groups: { title: string }[] };
    expect(state.groups.map((g) => g.title)).toContain('电商直播演示班');
    expect(state.people.filter((p) => p.label === '学员')).toHaveLength(20);
    expect(state.people.filter((p) => p.label === '讲师')).toHaveLength(1);
  });
});
