import { Redis } from 'ioredis';
import pino from 'pino';
import type { ChatEvent } from '../../src/platform/chat-event';
import { AttachmentGoneError, EventInbox, deserializeEvent, serializeEvent, type Delivery } from '../../src/queue/event-inbox';
import { redisUrl, uniqueName } from '../support/test-env';

const log = pino({ level: 'silent' });

function event(id: string, text = '签到', extra: Partial<ChatEvent> = {}): ChatEvent {
  return {
    id,
    platform: 'wechaty',
    type: 'message',
    conversation: { kind: 'group', id: 'room-1' },
    sender: { id: `u-${id}`, name: '学员' },
    text,
    mentions: [],
    mentionsBot: false,
    timestamp: new Date('2027-03-01T01:00:00Z'),
    fromSelf: false,
    ...extra,
  };
}

const until = async (check: () => boolean | Promise<boolean>, what: string) => {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('EventInbox: a Redis-stream journal between the platform and the pipeline', () => {
  const redis = new Redis(redisUrl());
  afterAll(() => redis.disconnect());

  it('stores an event before handling it and removes it once handled', async () => {
    const key = uniqueName('inbox');
    let release!: () => void;
    const handled: string[] = [];
    const inbox = new EventInbox(redis, {
      key,
      log,
      handle: async (e) => {
        await new Promise<void>((r) => (release = r));
        handled.push(e.id);
      },
    });
    await inbox.resume();
    await inbox.receive(event('a'));
    expect(await redis.xlen(key)).toBe(1);
    await until(() => release !== undefined, 'the handler to start');
    release();
    await until(async () => (await redis.xlen(key)) === 0, 'the entry to go');
    expect(handled).toEqual(['a']);
    await inbox.close();
  });

  it('deletes the entries of events that finish together with one command, and only once they are handled', async () => {
    const key = uniqueName('inbox');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started = 0;
    const inbox = new EventInbox(redis, {
      key,
      log,
      handle: async () => {
        started++;
        await gate;
      },
    });
    const xdel = jest.spyOn(redis, 'xdel');
    try {
      await inbox.resume();
      for (let i = 0; i < 20; i++) await inbox.receive(event(`batch-${i}`));
      await until(() => started === 20, 'every handler to start');
      expect(await redis.xlen(key)).toBe(20);
      release();
      await until(async () => (await redis.xlen(key)) === 0, 'the journal to empty');
      // The first delete leaves at once; the other 19 waited for it and went out as one.
      expect(xdel).toHaveBeenCalledTimes(2);
    } finally {
      xdel.mockRestore();
      await inbox.close();
    }
  });

  it("resumes a dead process's entries first, in order, with the hook called for each, then new events", async () => {
    const key = uniqueName('inbox');
    const dead = new EventInbox(redis, { key, log, handle: () => new Promise<void>(() => undefined) });
    // Received but never handed over: the process died before it could resume.
    await dead.receive(event('old-1'));
    await dead.receive(event('old-2'));
    const order: string[] = [];
    const released: string[] = [];
    const next = new EventInbox(redis, {
      key,
      log,
      handle: async (e) => void order.push(e.id),
      beforeResume: async (e) => void released.push(e.id),
    });
    await next.receive(event('new-1'));
    expect(await next.resume()).toBe(2);
    await next.receive(event('new-2'));
    await until(async () => (await redis.xlen(key)) === 0, 'the journal to empty');
    expect(order).toEqual(['old-1', 'old-2', 'new-1', 'new-2']);
    expect(released).toEqual(['old-1', 'old-2']);
    expect(order.filter((id) => id.startsWith('old'))).toHaveLength(2);
    await next.close();
  });

  it('hands over an event stored while resume was reading the journal', async () => {
    const key = uniqueName('inbox');
    const dead = new EventInbox(redis, { key, log, handle: () => new Promise<void>(() => undefined) });
    await dead.receive(event('old'));
    const order: string[] = [];
    const next: EventInbox = new EventInbox(redis, {
      key,
      log,
      handle: async (e) => void order.push(e.id),
      // A message arrives from the platform while the journal is being gone through.
      beforeResume: () => next.receive(event('during')),
    });
    await next.resume();
    await until(async () => (await redis.xlen(key)) === 0, 'the journal to empty');
    expect(order).toEqual(['old', 'during']);
    await next.close();
  });

  it("does not keep the bot's own messages echoed back by the platform", async () => {
    const key = uniqueName('inbox');
    const handled: string[] = [];
    const inbox = new EventInbox(redis, { key, log, handle: async (e) => void handled.push(e.id) });
    await inbox.resume();
    await inbox.receive(event('echo', '📋 签到', { fromSelf: true }));
    expect(await redis.xlen(key)).toBe(0);
    expect(handled).toEqual([]);
    await inbox.close();
  });

  it('retries a failing event with the delivery count, then moves it to the failed journal', async () => {
    const key = uniqueName('inbox');
    const deliveries: Delivery[] = [];
    const inbox = new EventInbox(redis, {
      key,
      log,
      retryDelaysMs: [5, 5],
      handle: async (_e, d) => {
        deliveries.push(d);
        throw new Error('database unreachable');
      },
    });
    await inbox.resume();
    await inbox.receive(event('x'));
    await until(async () => (await redis.xlen(`${key}:failed`)) === 1, 'the failed entry');
    expect(deliveries).toEqual([
      { attempt: 1, last: false },
      { attempt: 2, last: false },
      { attempt: 3, last: true },
    ]);
    expect(await redis.xlen(key)).toBe(0);
    const [[, fields]] = (await redis.xrange(`${key}:failed`, '-', '+')) as [[string, string[]]];
    expect(fields[fields.indexOf('error') + 1]).toBe('database unreachable');
    expect(deserializeEvent(fields[fields.indexOf('event') + 1]!).id).toBe('x');
    await inbox.close();
  });

  it('succeeds on a retry after a passing failure and leaves nothing behind', async () => {
    const key = uniqueName('inbox');
    let calls = 0;
    const inbox = new EventInbox(redis, {
      key,
      log,
      retryDelaysMs: [5, 5],
      handle: async () => {
        if (++calls === 1) throw new Error('busy');
      },
    });
    await inbox.resume();
    await inbox.receive(event('y'));
    await until(async () => calls === 2 && (await redis.xlen(key)) === 0, 'the retry');
    expect(await redis.xlen(`${key}:failed`)).toBe(0);
    await inbox.close();
  });

  it('keeps events that arrive after close for the next process', async () => {
    const key = uniqueName('inbox');
    const handled: string[] = [];
    const inbox = new EventInbox(redis, { key, log, handle: async (e) => void handled.push(e.id) });
    await inbox.resume();
    await inbox.close();
    await inbox.receive(event('late'));
    expect(handled).toEqual([]);
    expect(await redis.xlen(key)).toBe(1);
  });

  it('revives attachments through the adapter by reference, and says plainly when the platform cannot', async () => {
    const withRef = event('img', '', { attachments: [{ kind: 'image', name: 'a.jpg', mimeType: 'image/jpeg', ref: 'msg-9', load: async () => Buffer.from('live') }] });
    const revived = deserializeEvent(serializeEvent(withRef), async (ref) => Buffer.from(`again:${ref}`));
    expect(revived.timestamp).toEqual(withRef.timestamp);
    expect((await revived.attachments![0]!.load()).toString()).toBe('again:msg-9');
    const noLoader = deserializeEvent(serializeEvent(withRef));
    await expect(noLoader.attachments![0]!.load()).rejects.toBeInstanceOf(AttachmentGoneError);
  });

  describe('handling while the append is on its way (handleWhileAppending)', () => {
    const piped = redis.duplicate({ enableAutoPipelining: true });
    afterAll(() => piped.disconnect());

    it('starts the handler before the append is answered, and its first command on the connection sees the entry stored', async () => {
      const key = uniqueName('inbox');
      // Notes when the journal's append is answered.
      let appendAnswered = false;
      const xadd = piped.xadd.bind(piped) as (...args: unknown[]) => Promise<string | null>;
      const spy = jest.spyOn(piped, 'xadd').mockImplementation(((...args: unknown[]) => {
        appendAnswered = false;
        return xadd(...args).then((id) => ((appendAnswered = true), id));
      }));
      const seen: { startedBeforeTheAppendWasAnswered: boolean; entriesWhenFirstAsked: number }[] = [];
      const inbox = new EventInbox(piped, {
        key,
        log,
        handleWhileAppending: true,
        handle: async () => {
          const startedBeforeTheAppendWasAnswered = !appendAnswered;
          seen.push({ startedBeforeTheAppendWasAnswered, entriesWhenFirstAsked: await piped.xlen(key) });
        },
      });
      try {
        await inbox.resume();
        await inbox.receive(event('w1'));
        await until(async () => seen.length === 1 && (await redis.xlen(key)) === 0, 'the event handled and its entry gone');
        expect(seen).toEqual([{ startedBeforeTheAppendWasAnswered: true, entriesWhenFirstAsked: 1 }]);
      } finally {
        spy.mockRestore();
        await inbox.close();
      }
    });

    it('still handles an event whose append failed, and says the append failed', async () => {
      const key = uniqueName('inbox');
      const handled: string[] = [];
      const inbox = new EventInbox(piped, { key, log, handleWhileAppending: true, handle: async (e) => void handled.push(e.id) });
      await inbox.resume();
      // A key of the wrong type makes XADD fail.
      await redis.set(key, 'not a stream');
      await expect(inbox.receive(event('w2'))).rejects.toThrow(/WRONGTYPE/);
      await until(() => handled.length === 1, 'the handler to run');
      await inbox.close();
      expect(handled).toEqual(['w2']);
      expect(await redis.get(key)).toBe('not a stream');
      await redis.del(key);
    });

    it('moves an event that fails every time aside with its entry, as without it', async () => {
      const key = uniqueName('inbox');
      const inbox = new EventInbox(piped, {
        key,
        log,
        handleWhileAppending: true,
        retryDelaysMs: [],
        handle: async () => {
          throw new Error('store down');
        },
      });
      await inbox.resume();
      await inbox.receive(event('w3'));
      await until(async () => (await redis.xlen(`${key}:failed`)) === 1, 'the failed journal to hold it');
      expect(await redis.xlen(key)).toBe(0);
      const fields = (await redis.xrange(`${key}:failed`, '-', '+'))[0]![1];
      expect(fields[fields.indexOf('error') + 1]).toBe('store down');
      await inbox.close();
    });
  });
});
