/**
 * 100,000 random and adversarial chat messages through the whole pipeline (in-process: the
 * memory adapter over real FerretDB and Redis, the production conversation queue in front, as
 * bots/bot-runtime runs it): no event is rejected, the process sees no unhandled rejection or
 * uncaught exception, and no message causes a database write the rules do not make it cause.
 * The messages go to classrooms of 5,000 each (a fresh database, cohort and group per
 * classroom). Time moves 4 s a message, and the classrooms start at staggered points of the
 * same 28 hours (the first class day from 08:30 to noon the next day), so together they cover
 * both days' sessions, the breaks and the night. A classroom stays small because the fuzz is
 * hostile far beyond any class: about one message in eight is moderated or noted for review,
 * every action brings its cohort's moderation summary up to date from all the cohort's actions,
 * and FerretDB scans a collection to find one document, so the time a message takes grows with
 * the actions and notes before it (in a classroom of 25,000 the thousand messages after the
 * 12,000th took four times as long as the first thousand).
 *
 * Writes are counted with the MongoDB driver's command monitoring (`monitorCommands=true`,
 * 'commandStarted' of insert/update/delete/findAndModify and the other write commands) and
 * attributed to the message whose handling issued them through AsyncLocalStorage, so messages
 * can run concurrently and still be told apart. A probe placed first among the features'
 * inbound middleware records what the pipeline resolved for each message (cohort, roles,
 * command); it only reads and calls next().
 *
 * The rule, read from src/create-bot.ts and the features' inbound and chat middleware — a
 * message may write when, and only when:
 *  1. it names a command and its arguments pass the command's schema (what the command then
 *     writes is that command's own tests' subject; a malformed command writes nothing);
 *  2. moderation acts on it (moderation's inbound): a group message of a bound cohort, with
 *     text, from someone who is neither an administrator nor the cohort's staff or lecturer,
 *     that the detector flags with a public (not review-tier) hit — 登记's phone number excepted;
 *     the warning, mute or removal is logged; or, with review-tier hits only, the numbered
 *     review note for staff is recorded (unless the cohort's staff dismissed those words);
 *  3. it counts as interaction (points' chat, so only when no command took it): in a bound group,
 *     a trainee's question (activity, points), a lecturer's message that quotes or @mentions
 *     someone other than the bot (activity), or a lecturer's plain message within
 *     ANSWER_WINDOW_MINUTES of a trainee's question in the same group (activity; allowed here
 *     when such a question is among the neighbouring messages, as time goes 4 s a message);
 *  4. it is homework sent as chat (homework's chat): a trainee's reply quoting a homework
 *     message while homework is open. Images after 交作业 would be too, but no message here has
 *     attachments;
 *  5. it answers a survey or follow-up visit open to its sender in private chat (feedback's
 *     chat): none is open here, so no private message outside rule 1 may write.
 * Member events (cohorts' inbound) are not messages and are not sent. Everything else — an
 * unbound group, a stranger's private chat, dedupe, flood control, a muted member, plain chat —
 * writes nothing.
 *
 * FUZZ_SEED replays a run (the seed is printed); FUZZ_MESSAGES changes the count.
 */
import { summariesSettled } from '../../src/stores/create-stores';
import type { Redis } from 'ioredis';
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import type { ChatEvent, ChatTarget, ChatUser, Platform } from '../../src/platform/chat-event';
import type { FeatureFactory } from '../../src/pipeline/feature';
import { FEATURES } from '../../src/create-bot';
import { ConversationQueue, conversationKey } from '../../src/pipeline/conversation-queue';
import { ANSWER_WINDOW_MINUTES, looksLikeQuestion } from '../../src/features/points/count-interaction';
import { startPipeline, type Pipeline } from '../support/pipeline';
import { mongoUriFor } from '../support/test-env';
import { REPO_ROOT } from '../support/paths';

const MESSAGES = Number(process.env.FUZZ_MESSAGES ?? 100_000);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32));
// As many events at once as bots/bot-runtime handles (its EVENT_CONCURRENCY), one sender's in order.
const CONCURRENCY = 8;
const IN_FLIGHT = 64;
// Each classroom (a fresh database) takes a share of the messages (see the comment at the top).
const CLASSROOM_MESSAGES = 5_000;
const SEGMENTS = Math.max(1, Math.ceil(MESSAGES / CLASSROOM_MESSAGES));
// Time moves 4 s a message; the classrooms start staggered across this span of class time.
const STEP_MS = 4_000;
const SPAN_MS = 25_000 * STEP_MS;
const WRITE_COMMANDS = new Set(['insert', 'update', 'delete', 'findAndModify', 'bulkWrite', 'create', 'createIndexes', 'drop', 'dropDatabase', 'dropIndexes', 'collMod', 'renameCollection']);

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const D0 = '2027-05-09';
const D1 = '2027-05-10';
const D3 = '2027-05-12';
const BOT: ChatUser = { id: 'bot', name: '班级助手' };

/** mulberry32: a small, fast PRNG whose whole state is one 32-bit seed. */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One of the makers, chosen by weight. */
  weighted<T>(table: readonly (readonly [number, () => T])[]): T {
    const total = table.reduce((s, [w]) => s + w, 0);
    let r = this.next() * total;
    for (const [w, make] of table) {
      if ((r -= w) < 0) return make();
    }
    return table[table.length - 1]![1]();
  }
}

/** Code point ranges random text is drawn from: scripts, emoji, controls, marks, invisible and broken characters. */
const RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0x20, 0x7e],
  [0x4e00, 0x9fff],
  [0x4e00, 0x9fff],
  [0x3000, 0x303f],
  [0xff01, 0xff5e],
  [0x1f300, 0x1faff],
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x0300, 0x036f],
  [0x0590, 0x06ff],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0xd800, 0xdfff],
  [0xfff0, 0xffff],
  [0x10000, 0x10ffff],
];
const INJECTIONS = [
  '{"$gt":""}',
  '{"$ne":null}',
  '{"$where":"sleep(5000)"}',
  '$where',
  '$gt',
  '$set',
  '__proto__',
  'constructor',
  'prototype',
  '{"__proto__":{"isAdmin":true}}',
  'constructor.prototype.isAdmin=1',
  'toString',
  'hasOwnProperty',
  'valueOf',
  "'; db.dropDatabase(); //",
  '{{7*7}}',
  '${process.exit(1)}',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '%s%s%s%n',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  'null',
  'undefined',
  '[object Object]',
];
const CHAT = ['好的', '收到', '老师好', '今天的课很好', '核桃', '直播', '淘宝开店', '作业', '签到', '请假', '明天', '谢谢老师', '哈哈哈', '👍', '[捂脸]', '我的', '积分'];
const QUESTIONS = ['请问', '怎么', '如何', '为什么', '能不能', '是不是', '有没有', '？', '?', '吗'];
const ARGS = ['03-02', '2027-05-11', '05-10', '12月1日', '第2节', '第99节', '90', '101', '-1', '９０', '0x1f', '讲师', '工作人员', '学员', '档案', '签到表', '本周', '上周', '撤销', '截止', '21:00', '25:61', 'ABC123', '13800138000', '+86 139 0000 1111', '开了 抖音 3000', '5 4 4 很好'];
const PREFIXES = ['#', '＃', '/', '／', '', '# ', '＃ ', '##', '#\u200b', '\u200b#', '@班级助手 ', '@班级助手\u2005', ' #', '\n#', '#\u202e', '＃\u3000'];
const FULL_WIDTH = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** The starter lexicon's words: what moderation acts on, to be sent plain and disguised. */
function lexiconWords(): string[] {
  const file = path.join(REPO_ROOT, 'data/moderation/starter-lexicon.jsonl');
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { w: string }).w);
}

/** Deletes the Redis keys a classroom left (dedupe and flood keys live for days otherwise). */
async function dropKeys(p: Pipeline): Promise<void> {
  const stream = (p.deps.redis as Redis).scanStream({ match: `${p.deps.config.QUEUE_PREFIX}:*`, count: 1_000 });
  for await (const keys of stream as AsyncIterable<string[]>) if (keys.length > 0) await p.deps.redis.del(...keys);
}

/** One fuzzed message: the event, and where it stands in the run. */
interface FuzzMessage {
  index: number;
  event: ChatEvent;
}

/** What the probe saw the pipeline resolve for a message. */
interface Probe {
  isGroup: boolean;
  bound: boolean;
  isAdmin: boolean;
  roles: Set<string>;
  command: { name: string; valid: boolean; carriesPhoneNumber: boolean } | null;
}

/** Builds the random messages of one run from its seed. */
class MessageMaker {
  private readonly r: Random;
  private readonly commandNames: string[];
  private readonly words: string[];

  constructor(
    seed: number,
    commandNames: string[],
    private readonly people: { admin: ChatUser; staff: ChatUser; lecturer: ChatUser; trainees: ChatUser[]; strangers: ChatUser[] },
    private readonly groups: { bound: string; unbound: string },
  ) {
    this.r = new Random(seed);
    this.commandNames = commandNames;
    this.words = lexiconWords();
  }

  private char(): string {
    const [lo, hi] = this.r.pick(RANGES);
    const cp = lo + this.r.int(hi - lo + 1);
    return cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
  }

  private noise(max: number): string {
    let s = '';
    for (let n = this.r.int(max + 1); n > 0; n--) s += this.char();
    return s;
  }

  /** A word moderation knows, plain or disguised (spaces, symbols, full width, zero-width joiners). */
  private banned(): string {
    const w = this.r.pick(this.words);
    return this.r.weighted([
      [3, () => w],
      [1, () => Array.from(w).join(this.r.pick([' ', '*', '.', '\u200b', '😀', '-']))],
      [1, () => FULL_WIDTH(w)],
      [1, () => `${this.noise(5)}${w}${this.noise(5)}`],
    ]);
  }

  private commandWord(): string {
    const name = this.r.pick(this.commandNames);
    return this.r.weighted([
      [5, () => name],
      [1, () => name.toUpperCase()],
      [1, () => FULL_WIDTH(name)],
      [1, () => {
        const cut = 1 + this.r.int(Math.max(1, name.length - 1));
        return `${name.slice(0, cut)}${this.r.pick(['\u200b', '\u200d', '\u2060', '\ufeff', ' ', '\u00ad'])}${name.slice(cut)}`;
      }],
      [1, () => name.slice(0, Math.max(1, name.length - 1))],
      [1, () => `${name}${name.slice(-1)}`],
      [1, () => `${name}${this.noise(3)}`],
    ]);
  }

  private arg(): string {
    return this.r.weighted([
      [4, () => this.r.pick(ARGS)],
      [2, () => this.r.pick(INJECTIONS)],
      [2, () => this.noise(8)],
      [1, () => `@${this.r.pick(this.people.trainees).name}`],
      [1, () => this.banned()],
    ]);
  }

  private nearCommand(): string {
    const args = Array.from({ length: this.r.int(6) }, () => this.arg());
    const lines = this.r.chance(0.15) ? Array.from({ length: 1 + this.r.int(3) }, () => this.r.weighted([[2, () => this.noise(20)], [1, () => '05-10 09:00-12:00 开店 张老师'], [1, () => this.r.pick(INJECTIONS)]])) : [];
    const sep = this.r.pick([' ', '', '\u3000', '\t', '  ']);
    return [`${this.r.pick(PREFIXES)}${this.commandWord()}${args.length ? sep : ''}${args.join(' ')}`, ...lines].join(this.r.pick(['\n', '\r\n', '\r']));
  }

  private chat(): string {
    const parts = Array.from({ length: 1 + this.r.int(5) }, () => this.r.weighted([[4, () => this.r.pick(CHAT)], [2, () => this.r.pick(QUESTIONS)], [1, () => this.noise(4)]]));
    return parts.join(this.r.pick(['', ' ', '，']));
  }

  private long(): string {
    const length = this.r.pick([2_000, 10_000, 50_000, 100_000]);
    const unit = this.r.weighted([[1, () => this.noise(50)], [1, () => this.chat()], [1, () => this.nearCommand()], [1, () => this.banned()], [1, () => '\u200b']]);
    const body = unit.repeat(Math.ceil(length / Math.max(1, unit.length))).slice(0, length);
    return this.r.chance(0.5) ? `#${this.r.pick(this.commandNames)} ${body}` : body;
  }

  private text(): string {
    return this.r.weighted([
      [30, () => this.noise(80)],
      [15, () => this.chat()],
      [25, () => this.nearCommand()],
      [8, () => this.r.pick(INJECTIONS)],
      [4, () => `${this.chat()}${this.banned()}${this.chat()}`],
      [5, () => this.r.pick(['', ' ', '\n', '\u3000', '\u200b', '\r\n', '\t'])],
      [1, () => this.long()],
    ]);
  }

  private user(): ChatUser {
    const p = this.people;
    return this.r.weighted([
      [5, () => p.admin],
      [4, () => p.staff],
      [6, () => p.lecturer],
      [55, () => this.r.pick(p.trainees)],
      [25, () => this.r.pick(p.strangers)],
      [5, () => this.r.pick([
        { id: '', name: '' },
        { id: '__proto__', name: 'constructor' },
        { id: '$where', name: '{"$gt":""}' },
        { id: 'u-long', name: '长'.repeat(5_000) },
        { id: 'u-rtl', name: '\u202eمرحبا\u202c' },
        { id: 'u-ctrl', name: '\u0000\u0007\u001b[31m' },
        BOT,
      ])],
    ]);
  }

  private mentions(): ChatUser[] {
    return this.r.weighted([
      [70, () => []],
      [25, () => Array.from({ length: 1 + this.r.int(3) }, () => this.user())],
      [4, () => Array.from({ length: 10 + this.r.int(300) }, () => ({ id: `m-${this.r.int(1_000)}`, name: this.noise(6) }))],
      [1, () => [BOT]],
    ]);
  }

  /** The next message of the run. */
  make(index: number, now: Date): FuzzMessage {
    const sender = this.user();
    const where = this.r.weighted<ChatTarget>([
      [60, () => ({ kind: 'group', id: this.groups.bound })],
      [15, () => ({ kind: 'group', id: this.groups.unbound })],
      [25, () => ({ kind: 'private', id: sender.id })],
    ]);
    const mentions = where.kind === 'group' ? this.mentions() : [];
    let text = this.text();
    if (mentions.length > 0 && mentions.length < 5 && this.r.chance(0.7)) text = `${mentions.map((m) => `@${m.name}`).join('\u2005')} ${text}`;
    const timestamp = this.r.weighted([
      [95, () => now],
      [2, () => new Date(now.getTime() - 3_600_000 * (1 + this.r.int(48)))],
      [2, () => new Date(now.getTime() + 60_000 * (1 + this.r.int(600)))],
      [1, () => new Date(Number.NaN)],
    ]);
    const event: ChatEvent = {
      id: `fz-${index}`,
      platform: this.r.chance(0.96) ? 'wechaty' : this.r.pick<Platform>(['web', 'dingtalk', 'memory']),
      type: 'message',
      conversation: where,
      sender,
      text,
      mentions,
      mentionsBot: mentions.some((m) => m.id === BOT.id) || this.r.chance(0.03),
      timestamp,
      fromSelf: this.r.chance(0.005),
    };
    if (this.r.chance(0.04)) {
      event.quote = this.r.weighted([
        [2, () => ({ messageId: `fz-${this.r.int(index + 1)}`, text: `📚 今日作业：${this.chat()}` })],
        [1, () => ({ text: this.noise(30) })],
        [1, () => ({})],
      ]);
    }
    return { index, event };
  }
}

describe(`the pipeline under ${MESSAGES.toLocaleString('en')} random and adversarial messages`, () => {
  const als = new AsyncLocalStorage<number>();
  const probes = new Map<string, Probe>();
  const writes = new Map<number, string[]>();
  const strayWrites: string[] = [];
  const rejections: { index: number; text: string; error: string }[] = [];
  const processErrors: string[] = [];
  const unexpected: { index: number; sender: string; where: string; text: string; writes: string[]; probe: Probe | undefined }[] = [];
  const allowedBy = new Map<string, number>();
  let live: Pipeline | null = null;

  const admin: ChatUser = { id: 'u-admin', name: '刘干事' };
  const staff: ChatUser = { id: 'u-staff', name: '周干事' };
  const lecturer: ChatUser = { id: 'u-lecturer', name: '张老师' };
  const trainees: ChatUser[] = Array.from({ length: 40 }, (_, i) => ({ id: `u-t${i}`, name: i % 7 === 0 ? `学员${i}😀` : `学员${i}` }));
  const strangers: ChatUser[] = Array.from({ length: 30 }, (_, i) => ({ id: `u-s${i}`, name: `路人${i}` }));
  const groups = { bound: 'fuzz-class@chatroom', unbound: 'fuzz-other@chatroom' };

  /** Records what the pipeline resolved for a message; reads only, then hands on. */
  const probe: FeatureFactory = () => ({
    name: 'fuzz-probe',
    inbound: [
      async (ctx, next) => {
        const c = ctx.command;
        probes.set(ctx.event.id, {
          isGroup: ctx.isGroup,
          bound: ctx.cohort !== null && ctx.binding !== null,
          isAdmin: ctx.isAdmin,
          roles: new Set(ctx.roles),
          command: c ? { name: c.def.name, valid: c.def.args.safeParse(c.raw).success, carriesPhoneNumber: c.def.carriesPhoneNumber === true } : null,
        });
        await next();
      },
    ],
  });

  /**
   * Whether a trainee asked a question in the same group close enough in time for this message to
   * answer it: within the answer window of the clock (4 s a message), with two minutes more either
   * way for the platform timestamps the pipeline trusts.
   */
  function questionNearby(m: FuzzMessage, all: Map<number, FuzzMessage>): boolean {
    const span = Math.ceil(((ANSWER_WINDOW_MINUTES + 2) * 60) / 4);
    for (let j = m.index - span; j <= m.index + span; j++) {
      const other = all.get(j);
      if (!other || other.event.conversation.id !== m.event.conversation.id) continue;
      const seen = probes.get(other.event.id);
      if (seen && !seen.command && seen.roles.has('trainee') && looksLikeQuestion(other.event.text)) return true;
    }
    return false;
  }

  /** The rule of the file's header that lets this message write, or null when none does. */
  function ruleAllowing(p: Pipeline, m: FuzzMessage, all: Map<number, FuzzMessage>): string | null {
    const seen = probes.get(m.event.id);
    if (!seen) return null;
    const { event } = m;
    if (seen.command?.valid) return 'command';
    const text = event.text;
    const policed = seen.isGroup && seen.bound && !seen.isAdmin && !seen.roles.has('staff') && !seen.roles.has('lecturer') && text.trim() !== '';
    if (policed) {
      // As moderate-message.ts: a command is judged by the rules, not the review model.
      const found = p.deps.detector.scan(text).matches.filter((h) => !(seen.command && h.layer === 'model') && !(seen.command?.carriesPhoneNumber && h.word === 'phone-number'));
      if (found.some((h) => h.tier !== 'review')) return 'moderation';
      if (found.length > 0) return 'review-note';
    }
    if (!seen.command && seen.isGroup && seen.bound && text.trim() !== '') {
      if (seen.roles.has('trainee') && looksLikeQuestion(text)) return 'question';
      if (seen.roles.has('trainee') && event.quote?.text && /作业/.test(event.quote.text)) return 'homework-quote';
      if (seen.roles.has('lecturer') && (event.quote || event.mentions.some((u) => u.id !== BOT.id))) return 'answer';
      if (seen.roles.has('lecturer') && questionNearby(m, all)) return 'answer-after-question';
    }
    return null;
  }

  /** A fresh database and queue prefix with a bound, approved cohort of 40 trainees, its staff and lecturer. */
  async function classroom(): Promise<Pipeline> {
    const uri = mongoUriFor('pipeline-fuzz');
    const p = await startPipeline(
      'pipeline-fuzz',
      { ADMIN_IDS: admin.id, MONGODB_URI: `${uri}${uri.includes('?') ? '&' : '?'}monitorCommands=true`, STALE_MESSAGE_SECONDS: '600' },
      { recall: true, features: [probe, ...FEATURES] },
    );
    p.clock.set(at(D0, '10:00'));
    const created = await p.say(admin, `#新建班级 模糊测试班 ${D1} ${D3}`, null);
    const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await p.say(admin, `#绑定 ${code}`, groups.bound);
    const cohortId = (await p.deps.stores.cohorts.findByCode(code))!.id;
    await p.deps.stores.members.setRole(cohortId, 'wechaty', staff, 'staff', p.clock.now());
    await p.deps.stores.members.setRole(cohortId, 'wechaty', lecturer, 'lecturer', p.clock.now());
    for (const t of trainees) await p.deps.stores.members.setRole(cohortId, 'wechaty', t, 'trainee', p.clock.now());
    const days = [D1, '2027-05-11', D3].map((d) => `${d.slice(5)} 09:00-12:00 开店实操 张老师\n${d.slice(5)} 14:00-17:00 直播带货 张老师`);
    await p.say(admin, `#课表\n${days.join('\n')}`, groups.bound);
    await p.say(admin, '#提交方案', groups.bound);
    await p.say(admin, `#批准 ${code}`, null);
    return p;
  }

  const onRejection = (reason: unknown) => processErrors.push(`unhandledRejection: ${String(reason)}`);
  const onException = (err: Error) => processErrors.push(`uncaughtException: ${err.stack ?? String(err)}`);

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    process.on('uncaughtException', onException);
    console.log(`pipeline fuzz: seed ${SEED} (FUZZ_SEED=${SEED} replays this run), ${MESSAGES} messages in ${SEGMENTS} classrooms`);
    let maker: MessageMaker | null = null;
    let seconds = 0;
    let cpuSeconds = 0;
    let commands = 0;
    for (let segment = 0; segment < SEGMENTS; segment++) {
      const p = await classroom();
      // The set-up's writes rebuild their summaries in the background (marks cleared a moment
      // later): settled before writes are watched, they are the set-up's, not stray.
      await summariesSettled(p.deps.stores);
      live = p;
      p.conn.getClient().on('commandStarted', (e: { commandName: string; command: Record<string, unknown> }) => {
        commands++;
        if (!WRITE_COMMANDS.has(e.commandName)) return;
        const what = `${e.commandName}:${String(e.command[e.commandName])}`;
        const index = als.getStore();
        if (index === undefined) strayWrites.push(what);
        else writes.set(index, [...(writes.get(index) ?? []), what]);
      });
      maker ??= new MessageMaker(SEED, p.bot.commands.flatMap((c) => [c.name, ...c.aliases]), { admin, staff, lecturer, trainees, strangers }, groups);
      const queue = new ConversationQueue(CONCURRENCY);
      const inFlight = new Set<Promise<void>>();
      const messages = new Map<number, FuzzMessage>();
      const first = Math.floor((MESSAGES * segment) / SEGMENTS);
      const end = Math.floor((MESSAGES * (segment + 1)) / SEGMENTS);
      const started = Date.now();
      const cpuBefore = process.cpuUsage();
      const start = at(D1, '08:30').getTime() + ((first * STEP_MS) % SPAN_MS);
      for (let i = first; i < end; i++) {
        // Time moves 4 s a message: hours of a class pass, mutes and flood windows expire.
        p.clock.set(new Date(start + (i - first) * STEP_MS));
        const m = maker.make(i, p.clock.now());
        messages.set(i, m);
        const run = queue
          .run(conversationKey(m.event), () => als.run(i, () => p.bot.processEvent(m.event)))
          .catch((err: unknown) => {
            rejections.push({ index: i, text: JSON.stringify(m.event.text.slice(0, 120)), error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
          })
          .finally(() => inFlight.delete(run));
        inFlight.add(run);
        if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
      seconds += (Date.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      cpuSeconds += (cpu.user + cpu.system) / 1e6;
      for (const [index, w] of writes) {
        const m = messages.get(index);
        if (!m) continue;
        const rule = ruleAllowing(p, m, messages);
        if (rule) allowedBy.set(rule, (allowedBy.get(rule) ?? 0) + 1);
        else {
          const { event } = m;
          unexpected.push({ index, sender: event.sender.id, where: `${event.conversation.kind}:${event.conversation.id}`, text: JSON.stringify(event.text.slice(0, 200)), writes: w, probe: probes.get(event.id) });
        }
      }
      live = null;
      await dropKeys(p);
      await p.stop();
    }
    console.log(
      `pipeline fuzz: ${MESSAGES} messages in ${seconds.toFixed(1)} s (${Math.round(MESSAGES / seconds)} messages/s; ` +
        `this process's CPU ${cpuSeconds.toFixed(1)} s; ${commands} MongoDB commands), seed ${SEED}`,
    );
  }, 55 * 60_000);

  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
    await live?.stop();
  });

  it('handles every message: processEvent never rejects', () => {
    expect({ seed: SEED, rejected: rejections.length, first: rejections.slice(0, 10) }).toEqual({ seed: SEED, rejected: 0, first: [] });
  });

  it('leaves the process whole: no unhandled rejection, no uncaught exception', () => {
    expect({ seed: SEED, errors: processErrors.slice(0, 10) }).toEqual({ seed: SEED, errors: [] });
  });

  it('writes to the database only for messages the rules make write', () => {
    expect({ seed: SEED, unexpected: unexpected.length, first: unexpected.slice(0, 10) }).toEqual({ seed: SEED, unexpected: 0, first: [] });
  });

  it('writes nothing outside the handling of a message', () => {
    expect({ seed: SEED, stray: strayWrites.slice(0, 10) }).toEqual({ seed: SEED, stray: [] });
  });

  it('saw the writes the rules do expect, so the count above is not blind', () => {
    console.log(`pipeline fuzz: messages that wrote, by rule: ${JSON.stringify(Object.fromEntries(allowedBy))}; probed ${probes.size} of ${MESSAGES}`);
    expect(allowedBy.get('moderation') ?? 0).toBeGreaterThan(0);
    expect(allowedBy.get('question') ?? 0).toBeGreaterThan(0);
    expect(allowedBy.get('command') ?? 0).toBeGreaterThan(0);
  });
});
