/** Dedupe by platform message id: each event is handled once, and its mark stays done for a week. */
import type { ChatEvent, ChatUser } from '../../src/platform/chat-event';
import { startPipeline, type Pipeline } from '../support/pipeline';

describe('dedupe', () => {
  let p: Pipeline;
  const group = 'room-dedupe@chatroom';
  const people: ChatUser[] = Array.from({ length: 6 }, (_, i) => ({ id: `u-dedupe-${i}`, name: `学员${i}` }));
  const helpFrom = (who: ChatUser, n: number): ChatEvent => ({
    id: `dedupe-${Date.now()}-${n}`,
    platform: 'wechaty',
    type: 'message',
    conversation: n % 2 === 0 ? { kind: 'group', id: group } : { kind: 'private', id: who.id },
    sender: who,
    text: '帮助',
    mentions: [],
    mentionsBot: false,
    timestamp: p.clock.now(),
    fromSelf: false,
  });

  beforeAll(async () => {
    p = await startPipeline('dedupe');
  });
  afterAll(() => p.stop());

  it('marks every event of a burst handled together done for a week, and drops their redeliveries', async () => {
    const events = people.map((who, n) => helpFrom(who, n));
    await Promise.all(events.map((e) => p.bot.processEvent(e)));
    const answered = p.sent.length;
    expect(answered).toBe(events.length);
    const { QUEUE_PREFIX: prefix } = p.deps.config;
    for (const e of events) {
      const key = `${prefix}:seen:wechaty:${e.id}`;
      expect(await p.deps.redis.get(key)).toBe('done');
      expect(await p.deps.redis.ttl(key)).toBeGreaterThan(7 * 24 * 3600 - 60);
    }
    await Promise.all(events.map((e) => p.bot.processEvent(e)));
    expect(p.sent.length).toBe(answered);
  });
});
