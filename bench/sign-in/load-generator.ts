/**
 * The WeChat side of the sign-in bench, in its own Node process (forked by sign-in.bench.ts):
 * wechaty-puppet-mock behind a PuppetServer on 127.0.0.1, the same gRPC service the bot
 * connects to in production through wechaty-puppet-service. It creates the people and groups,
 * sets each cohort up through chat as staff do, then puts the trainees' 签到 in at a paced rate
 * and notes when every message went in and when every board the bot sent reached the mock.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { PuppetServer } from 'wechaty-puppet-service';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { log as wechatyLog } from 'wechaty';
import { EXIT_AFTER_REPLY, monoMs, serveParent, waitUntilIdle } from './ipc';
import type {
  BoardSeen,
  GeneratorReport,
  GeneratorStarted,
  GeneratorStartRequest,
  GeneratorStatus,
  ReceivedMessage,
  SendRequest,
  SendResult,
  SentRecord,
  SetupRequest,
} from './protocol';
import { parseBoardCounts } from './board-counts';

/** One message the bot sent, as the mock received it. */
interface BotMessage {
  conversationId: string;
  text: string;
  at: number;
}

/** The mock puppet, noting every text the bot sends (monoMs) before handing it on. */
class RecordingPuppet extends PuppetMock {
  readonly sent: BotMessage[] = [];

  override async messageSendText(conversationId: string, text: string): Promise<void> {
    this.sent.push({ conversationId, text, at: monoMs() });
    await super.messageSendText(conversationId, text);
  }
}

/** A free TCP port on 127.0.0.1. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 60_000, pollMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Everything the generator holds between requests. */
interface State {
  mocker: mock.Mocker;
  puppet: RecordingPuppet;
  server: PuppetServer;
  staff: mock.ContactMock;
  rooms: { room: mock.RoomMock; trainees: mock.ContactMock[] }[];
  traineesPerGroup: number;
  /** Index into puppet.sent where the measurement began. */
  measuredFrom: number;
  sends: SentRecord[];
  total: number;
}

let state: State | null = null;

function need(): State {
  if (!state) throw new Error('load generator: start first');
  return state;
}

const pad = (n: number) => String(n).padStart(2, '0');

async function start(req: GeneratorStartRequest): Promise<GeneratorStarted> {
  wechatyLog.level('silent');
  const mocker = new mock.Mocker();
  const puppet = new RecordingPuppet({ mocker });
  const token = `insecure_${randomUUID()}`;
  const endpoint = `127.0.0.1:${await freePort()}`;
  const server = new PuppetServer({ endpoint, puppet, token });
  await server.start();
  const botUser = mocker.createContact({ name: req.botName });
  mocker.login(botUser);
  const staff = mocker.createContact({ name: '王老师(工作人员)' });
  const rooms = Array.from({ length: req.groups }, (_, g) => {
    const trainees = Array.from({ length: req.traineesPerGroup }, (_, i) => mocker.createContact({ name: `学员${pad(g + 1)}-${pad(i + 1)}` }));
    const room = mocker.createRoom({ topic: `直播带货${g + 1}期`, memberIdList: [botUser.id, staff.id, ...trainees.map((t) => t.id)] });
    return { room, trainees };
  });
  // Groups the bot only sends to (reminders): the bot and staff, no trainees.
  for (let q = 0; q < (req.quietGroups ?? 0); q++) {
    const room = mocker.createRoom({ topic: `直播带货${req.groups + q + 1}期`, memberIdList: [botUser.id, staff.id] });
    rooms.push({ room, trainees: [] });
  }
  state = { mocker, puppet, server, staff, rooms, traineesPerGroup: req.traineesPerGroup, measuredFrom: 0, sends: [], total: 0 };
  return {
    endpoint,
    token,
    botUserId: botUser.id,
    staff: { id: staff.id, name: staff.payload.name },
    rooms: rooms.map((r) => ({ id: r.room.id, topic: r.room.payload.topic, trainees: r.trainees.map((t) => ({ id: t.id, name: t.payload.name })) })),
  };
}

/** Says `text` in `room` as staff and returns the bot's first message there after it. */
async function ask(s: State, room: mock.RoomMock, text: string): Promise<string> {
  const before = s.puppet.sent.length;
  const reply = () => s.puppet.sent.slice(before).find((m) => m.conversationId === room.id);
  s.staff.say(text).to(room);
  await waitFor(() => reply() !== undefined, `a reply to ${text.split('\n')[0]} in ${room.payload.topic}`, 120_000, 20);
  return reply()!.text;
}

function expectReply(reply: string, needle: string, what: string): void {
  if (!reply.includes(needle)) throw new Error(`setup: ${what} answered "${reply}" (expected "${needle}")`);
}

/** Every group's cohort through chat, all groups at once: create, bind, timetable, plan, approval. */
async function setup(req: SetupRequest): Promise<null> {
  const s = need();
  await Promise.all(
    s.rooms.map(async ({ room }, g) => {
      const created = await ask(s, room, `#新建班级 直播带货${g + 1}期 ${req.cohortDates}`);
      const code = /班级码：([A-Z0-9]{6})/.exec(created)?.[1];
      if (!code) throw new Error(`setup: no cohort code in "${created}"`);
      expectReply(await ask(s, room, `#绑定 ${code}`), req.bindReply, '#绑定');
      expectReply(await ask(s, room, `#课表\n${req.timetable}`), '已保存', '#课表');
      expectReply(await ask(s, room, '#提交方案'), '已提交', '#提交方案');
      expectReply(await ask(s, room, `#批准 ${code}`), '已批准', '#批准');
    }),
  );
  return null;
}

/**
 * Puts the messages in at `rate` per second: message k is due k × 1000/rate ms after the first.
 * Round by round (every trainee's first 签到, then every repeat), groups interleaved within a
 * round. A timer wakes the loop; every message already due goes in at once, so a late wake-up
 * does not slow the offered rate down, and each one's actual send time is kept.
 */
async function send(req: SendRequest): Promise<SendResult> {
  const s = need();
  s.measuredFrom = s.puppet.sent.length;
  const order: { contact: mock.ContactMock; room: mock.RoomMock; round: number }[] = [];
  const only = req.roomIds ? new Set(req.roomIds) : null;
  const senders = s.rooms.filter(({ room, trainees }) => trainees.length > 0 && (!only || only.has(room.id)));
  for (let round = 0; round < req.rounds; round++) {
    for (let i = 0; i < s.traineesPerGroup; i++) {
      for (const { room, trainees } of senders) order.push({ contact: trainees[i]!, room, round });
    }
  }
  s.total = order.length;
  s.sends = [];
  const gapMs = 1000 / req.rate;
  const t0 = monoMs() + 5;
  await new Promise<void>((resolve) => {
    let k = 0;
    const tick = () => {
      for (let now = monoMs(); k < order.length && t0 + k * gapMs <= now; k++) {
        const { contact, room, round } = order[k]!;
        const at = monoMs();
        contact.say(req.text).to(room);
        s.sends.push({ contactId: contact.id, roomId: room.id, round, dueAt: t0 + k * gapMs, at });
      }
      if (k >= order.length) resolve();
      else setTimeout(tick, Math.max(0, t0 + k * gapMs - monoMs()));
    };
    setTimeout(tick, 5);
  });
  return { sends: s.sends };
}

function boardsSince(s: State): BoardSeen[] {
  const boards: BoardSeen[] = [];
  for (const m of s.puppet.sent.slice(s.measuredFrom)) {
    const counts = parseBoardCounts(m.text);
    if (counts) boards.push({ conversationId: m.conversationId, at: m.at, ...counts });
  }
  return boards;
}

async function status(): Promise<GeneratorStatus> {
  const s = need();
  const boards = boardsSince(s);
  const latest = new Map<string, BoardSeen>();
  for (const b of boards) latest.set(b.conversationId, b);
  const full = [...latest.values()].filter((b) => b.present === s.traineesPerGroup && b.total === s.traineesPerGroup).length;
  return { sent: s.sends.length, total: s.total, boards: boards.length, finalBoards: full };
}

async function report(): Promise<GeneratorReport> {
  const s = need();
  const others = s.puppet.sent
    .slice(s.measuredFrom)
    .filter((m) => !parseBoardCounts(m.text))
    .map((m) => ({ conversationId: m.conversationId, at: m.at, text: m.text.slice(0, 80) }));
  return { boards: boardsSince(s), others };
}

/** From now on, `received` lists what the bot sends. */
async function mark(): Promise<{ at: number }> {
  const s = need();
  s.measuredFrom = s.puppet.sent.length;
  return { at: monoMs() };
}

/** Every message the bot sent since `mark` (or the last `send`); with `count`, only how many. */
async function received(p: { count?: boolean } | null): Promise<ReceivedMessage[] | number> {
  const s = need();
  if (p?.count) return s.puppet.sent.length - s.measuredFrom;
  return s.puppet.sent.slice(s.measuredFrom).map((m) => ({ conversationId: m.conversationId, at: m.at, text: m.text }));
}

async function stop(): Promise<typeof EXIT_AFTER_REPLY> {
  if (state) {
    await state.server.stop().catch(() => undefined);
    await state.puppet.stop().catch(() => undefined);
  }
  return EXIT_AFTER_REPLY;
}

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

serveParent({
  start: (p) => start(p as GeneratorStartRequest),
  setup: (p) => setup(p as SetupRequest),
  send: (p) => send(p as SendRequest),
  idle: () => waitUntilIdle(),
  loopDelay: async () => {
    const h = loopDelay;
    loopDelay.disable();
    const r = { p99: h.percentile(99) / 1e6, max: h.max / 1e6 };
    loopDelay.reset();
    loopDelay.enable();
    return r;
  },
  status,
  report,
  mark,
  received: (p) => received(p as { count?: boolean } | null),
  stop,
});
