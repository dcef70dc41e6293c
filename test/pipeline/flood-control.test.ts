/** Flood control (SPEC §3.7): a member over the limit in a window is told once, then not answered until the window passes. */
import type { ChatEvent, ChatUser } from '../../src/platform/chat-event';
import { startPipeline, type Pipeline } from '../support/pipeline';

const at = (hhmm: string, seconds = 0) => new Date(`2027-05-10T${hhmm}:${String(seconds).padStart(2, '0')}+08:00`);

describe('flood control', () => {
  let p: Pipeline;
  const admin: ChatUser = { id: 'u-admin', name: '刘干事' };
  const trainee: ChatUser = { id: 'u-flood', name: '学员甲' };
  const group = 'room-flood@chatroom';
  const sayAt = (when: Date, from: ChatUser, text: string) => {
    p.clock.set(when);
    return p.say(from, text, group);
  };

  beforeAll(async () => {
    p = await startPipeline('flood', { ADMIN_IDS: admin.id, FLOOD_MAX_MESSAGES: '3', FLOOD_WINDOW_SECONDS: '30' });
    const created = await p.say(admin, '#新建班级 刷屏班 2027-05-10 2027-05-11', null);
    const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await p.say(admin, `#绑定 ${code}`, group);
  });
  afterAll(() => p.stop());

  it('answers three 帮助 in 30 s, warns once at the fourth, ignores the fifth, and answers again in the next window', async () => {
    const answered: number[] = [];
    for (let n = 0; n < 3; n++) answered.push((await sayAt(at('10:00', 1 + n), trainee, '帮助')).length);
    expect(answered.every((count) => count > 0)).toBe(true);
    const fourth = await sayAt(at('10:00', 5), trainee, '帮助');
    expect(fourth.map((s) => s.message.text)).toEqual(['请勿刷屏：30 秒内最多 3 条，稍后再发。']);
    expect(await sayAt(at('10:00', 6), trainee, '帮助')).toEqual([]);
    const next = await sayAt(at('10:00', 31), trainee, '帮助');
    expect(next.length).toBeGreaterThan(0);
    expect(next.map((s) => s.message.text).join('\n')).not.toContain('请勿刷屏');
  });

  it('gives each window its counter an expiry, so nothing is left in Redis for good', async () => {
    await sayAt(at('11:00', 1), trainee, '帮助');
    const keys = await p.deps.redis.keys(`${p.deps.config.QUEUE_PREFIX}:flood:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const ttl = await p.deps.redis.ttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60);
    }
  });

  it('does not limit staff', async () => {
    const replies: number[] = [];
    for (let n = 0; n < 5; n++) replies.push((await sayAt(at('12:00', 1 + n), admin, '#帮助')).length);
    expect(replies.every((count) => count > 0)).toBe(true);
  });

  /** A trainee's 帮助 in the group as the platform delivers it, under an id of its own. */
  const helpEvent = (name: string): ChatEvent => ({
    id: `${name}-${Date.now()}`,
    platform: 'wechaty',
    type: 'message',
    conversation: { kind: 'group', id: group },
    sender: trainee,
    text: '帮助',
    mentions: [],
    mentionsBot: false,
    timestamp: p.clock.now(),
    fromSelf: false,
  });

  it('counts an event the platform delivers again once: redeliveries neither reach the limit nor get answered', async () => {
    p.clock.set(at('13:00', 1));
    const event = helpEvent('flood-redelivered');
    const before = p.sent.length;
    for (let n = 0; n < 5; n++) await p.bot.processEvent(event);
    expect(p.sent.length - before).toBe(1);
    // Two more of the three the window allows, then the warning.
    expect((await sayAt(at('13:00', 2), trainee, '帮助')).length).toBeGreaterThan(0);
    expect((await sayAt(at('13:00', 3), trainee, '帮助')).length).toBeGreaterThan(0);
    expect((await sayAt(at('13:00', 4), trainee, '帮助')).map((s) => s.message.text)).toEqual(['请勿刷屏：30 秒内最多 3 条，稍后再发。']);
  });

  it('leaves an event unmarked when its flood counter cannot be counted, so its retry is handled', async () => {
    p.clock.set(at('14:00', 1));
    const event = helpEvent('flood-unreadable');
    const { QUEUE_PREFIX: prefix, FLOOD_WINDOW_SECONDS: window } = p.deps.config;
    const counter = `${prefix}:flood:wechaty:${group}:${trainee.id}:${Math.floor(p.clock.now().getTime() / (window * 1000))}`;
    await p.deps.redis.set(counter, 'not a count');
    await expect(p.bot.processEvent(event)).rejects.toThrow();
    expect(await p.deps.redis.exists(`${prefix}:seen:wechaty:${event.id}`)).toBe(0);
    await p.deps.redis.del(counter);
    const before = p.sent.length;
    await p.bot.processEvent(event);
    expect(p.sent.length - before).toBe(1);
  });
});
