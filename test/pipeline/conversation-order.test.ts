/**
 * The production bot runtime (bots/bot-runtime.ts) behind an in-memory adapter: events are
 * handed to the runtime the way an adapter hands them over, without waiting for the previous
 * one, so the runtime's own dispatching decides what runs in which order.
 */
import { randomBytes } from 'node:crypto';
import { AdjustableClock } from '../../src/kernel/clock';
import type { Config } from '../../src/kernel/load-config';
import type { ChatEvent, ChatTarget, ChatUser, OutgoingMessage } from '../../src/platform/chat-event';
import type { EventSink, PlatformAdapter } from '../../src/platform/platform-adapter';
import { startBotRuntime, type BotRuntime } from '../../bots/bot-runtime';
import { testConfig, testLog } from '../support/test-bot';
import { dropDatabase } from '../support/test-env';
import { waitUntilHandled } from '../support/handled';

/** An adapter whose events the test delivers and whose sends it records. */
class MemoryAdapter implements PlatformAdapter {
  readonly platform = 'memory' as const;
  readonly seesAllGroupMessages = true;
  readonly sent: { target: ChatTarget; message: OutgoingMessage }[] = [];
  private sink: EventSink | null = null;

  async start(onEvent: EventSink): Promise<ChatUser> {
    this.sink = onEvent;
    return { id: 'bot', name: '班级助手' };
  }

  async stop(): Promise<void> {
    this.sink = null;
  }

  async send(target: ChatTarget, message: OutgoingMessage): Promise<void> {
    this.sent.push({ target, message });
  }

  /** Hands an event to the bot as a platform would: at once, without waiting for earlier ones; resolves once the bot has stored it. */
  deliver(event: ChatEvent): Promise<void> {
    if (!this.sink) throw new Error('adapter not started');
    return this.sink(event);
  }
}

const at = (hhmm: string) => new Date(`2027-03-01T${hhmm}:00+08:00`);

describe('one trainee’s messages through the bot runtime', () => {
  const adapter = new MemoryAdapter();
  const clock = new AdjustableClock(at('09:00'));
  const group = 'room-order';
  const admin: ChatUser = { id: 'u-admin', name: '周干事' };
  const lecturer: ChatUser = { id: 'u-lecturer', name: '张老师' };
  const trainees: ChatUser[] = ['学员甲', '学员乙', '学员丙', '学员丁'].map((name, i) => ({ id: `u-t${i}`, name }));
  let config: Config;
  let runtime: BotRuntime;
  let cohortId: string;
  let seq = 0;

  const event = (from: ChatUser, text: string, extra: Partial<ChatEvent> = {}): ChatEvent => ({
    id: `order-${++seq}`,
    platform: 'memory',
    type: 'message',
    conversation: { kind: 'group', id: group },
    sender: from,
    text,
    mentions: [],
    mentionsBot: false,
    timestamp: clock.now(),
    fromSelf: false,
    ...extra,
  });
  const image = (from: ChatUser) =>
    event(from, '', {
      attachments: [{ kind: 'image', name: 'title.png', mimeType: 'image/png', load: async () => randomBytes(256) }],
    });

  /** Delivers an event and waits until the bot has handled it. */
  const deliver = async (e: ChatEvent) => {
    await adapter.deliver(e);
    await waitUntilHandled(runtime.deps, 'memory', e.id);
  };

  beforeAll(async () => {
    config = testConfig('convorder', { ADMIN_IDS: admin.id });
    runtime = await startBotRuntime(config, adapter, clock, testLog);
    await deliver(event(admin, '#新建班级 顺序班 2027-03-01 2027-03-02'));
    const code = /班级码：([A-Z0-9]{6})/.exec(adapter.sent.at(-1)!.message.text)![1]!;
    await deliver(event(admin, `#绑定 ${code}`));
    const cohort = (await runtime.deps.stores.cohorts.findByCode(code))!;
    cohortId = cohort.id;
    await runtime.deps.stores.members.setRole(cohortId, 'memory', lecturer, 'lecturer', clock.now());
    for (const t of trainees) await runtime.deps.stores.members.setRole(cohortId, 'memory', t, 'trainee', clock.now());
    clock.set(at('09:30'));
    await deliver(event(lecturer, '#布置作业 给自家产品写 3 条短视频标题 截止 21:00'));
    expect(adapter.sent.at(-1)!.message.text).toContain('📚 今日作业');
  });

  afterAll(async () => {
    await runtime?.stop();
    if (config) await dropDatabase(config.MONGODB_URI);
  });

  it('always attaches the image sent right after 交作业 to that submission, for every trainee at once', async () => {
    clock.set(at('10:00'));
    // The hardest honest interleaving: a 交作业 stores its submission only after every other event
    // of the same trainee that is already being handled has finished. Handled in order, nothing
    // else of theirs is running yet; handled side by side, the image looks first and finds nothing.
    const inFlight = new Map<string, { sender: string; done: Promise<void> }>();
    const processEvent = runtime.bot.processEvent.bind(runtime.bot);
    runtime.bot.processEvent = (e) => {
      const done = processEvent(e);
      inFlight.set(e.id, { sender: e.sender.id, done: done.catch(() => undefined) });
      return done;
    };
    const submissions = runtime.deps.stores.submissions;
    const add = submissions.add.bind(submissions);
    submissions.add = async (input) => {
      const others = [...inFlight.entries()].filter(([id, f]) => f.sender === input.userId && id !== input.sourceEventId);
      await Promise.all(others.map(([, f]) => f.done));
      return add(input);
    };
    try {
      const deliveries: Promise<void>[] = [];
      for (const t of trainees) {
        deliveries.push(adapter.deliver(event(t, `#交作业 ${t.name}的标题见图`)));
        deliveries.push(adapter.deliver(image(t)));
      }
      await Promise.all(deliveries);
      await Promise.all(trainees.flatMap((_, i) => [seq - 2 * i, seq - 2 * i - 1]).map((n) => waitUntilHandled(runtime.deps, 'memory', `order-${n}`)));
    } finally {
      runtime.bot.processEvent = processEvent;
      submissions.add = add;
    }

    const stored = await runtime.deps.stores.submissions.listByCohort(cohortId);
    for (const t of trainees) {
      const mine = stored.filter((s) => s.userId === t.id);
      expect({ who: t.name, versions: mine.length, images: mine[0]?.imageIds.length }).toEqual({ who: t.name, versions: 1, images: 1 });
      // Receipts go to the trainee privately, the receipt first, then the image added to it.
      const toThem = adapter.sent.filter((m) => m.target.kind === 'private' && m.target.id === t.id).map((m) => m.message.text);
      expect(toThem).toEqual(['作业《给自家产品写 3 条短视频标题》已收到。', '图片已加入你的作业（共 1 张）。']);
      // The group is not told of each submission by name: it gets the homework board instead.
      expect(adapter.sent.filter((m) => m.target.kind === 'group' && m.message.mentions?.some((u) => u.id === t.id))).toEqual([]);
    }
  });
});
