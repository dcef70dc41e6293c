import { Redis } from 'ioredis';
import { DestinationRateLimiter } from '../../src/queue/destination-rate-limit';
import { redisUrl, uniqueName } from '../support/test-env';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DestinationRateLimiter (real Redis)', () => {
  let redis: Redis;
  const prefixes: string[] = [];

  /** A prefix no other test uses. */
  function prefix(): string {
    const p = uniqueName('ratelimit');
    prefixes.push(p);
    return p;
  }

  /** A limiter under a prefix no other test uses. */
  function limiter(): DestinationRateLimiter {
    return new DestinationRateLimiter(redis, prefix());
  }

  beforeAll(() => {
    redis = new Redis(redisUrl(), { maxRetriesPerRequest: 3 });
  });

  afterAll(async () => {
    for (const prefix of prefixes) {
      const keys = await redis.keys(`{${prefix}}:*`);
      if (keys.length > 0) await redis.del(...keys);
    }
    await redis.quit();
  });

  it('allows `limit` sends in a window, then tells how long to wait', async () => {
    const rl = limiter();
    for (let i = 0; i < 3; i++) expect(await rl.take('group:a', 3, 60_000)).toEqual({ allowed: true, retryInMs: 0 });
    const denied = await rl.take('group:a', 3, 60_000);
    expect(denied.allowed).toBe(false);
    expect(denied.retryInMs).toBeGreaterThan(0);
    expect(denied.retryInMs).toBeLessThanOrEqual(60_000);
  });

  it('keeps a separate budget per destination', async () => {
    const rl = limiter();
    expect((await rl.take('group:a', 1, 60_000)).allowed).toBe(true);
    expect((await rl.take('group:a', 1, 60_000)).allowed).toBe(false);
    expect((await rl.take('group:b', 1, 60_000)).allowed).toBe(true);
  });

  it('a denied take does not spend budget', async () => {
    // Windows are seconds long so that a slow machine cannot let one pass between two takes.
    const rl = limiter();
    await rl.take('d', 2, 2_000);
    await rl.take('d', 2, 2_000);
    await sleep(1_000);
    let last = { allowed: true, retryInMs: 0 };
    for (let i = 0; i < 5; i++) {
      last = await rl.take('d', 2, 2_000);
      expect(last.allowed).toBe(false);
    }
    // The first two expire now; the five denied ones, had they been spent, would hold the window another second.
    await sleep(last.retryInMs + 20);
    expect((await rl.take('d', 2, 2_000)).allowed).toBe(true);
    expect((await rl.take('d', 2, 2_000)).allowed).toBe(true);
  });

  it('slides: a send counts for a whole window after it, across any boundary', async () => {
    const rl = limiter();
    expect((await rl.take('d', 2, 3_000)).allowed).toBe(true);
    await sleep(1_000);
    expect((await rl.take('d', 2, 3_000)).allowed).toBe(true);
    // The first send is about a second old, still inside its window: a fixed window could let this one through.
    const third = await rl.take('d', 2, 3_000);
    expect(third.allowed).toBe(false);
    expect(third.retryInMs).toBeLessThanOrEqual(2_000);
    await sleep(third.retryInMs + 20);
    expect((await rl.take('d', 2, 3_000)).allowed).toBe(true);
  });

  it('never admits more than the limit when many workers take at once', async () => {
    const rl = limiter();
    const others = Array.from({ length: 4 }, () => new Redis(redisUrl(), { maxRetriesPerRequest: 3 }));
    try {
      const limiters = others.map((r) => new DestinationRateLimiter(r, prefixes[prefixes.length - 1]!));
      const decisions = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? rl : limiters[i % 4]!).take('burst', 10, 60_000)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    } finally {
      await Promise.all(others.map((r) => r.quit()));
    }
  });

  it('takeAll spends from every rule or from none', async () => {
    const rl = limiter();
    const group = { key: 'chat:group:g1', limit: 5, windowMs: 60_000 };
    const account = { key: 'chat:account', limit: 2, windowMs: 60_000 };
    expect((await rl.takeAll([group, account])).allowed).toBe(true);
    expect((await rl.takeAll([group, account])).allowed).toBe(true);
    expect((await rl.takeAll([group, account])).allowed).toBe(false);
    // The group gave nothing to the denied take: 3 of its 5 are still free.
    for (let i = 0; i < 3; i++) expect((await rl.take(group.key, 5, 60_000)).allowed).toBe(true);
    expect((await rl.take(group.key, 5, 60_000)).allowed).toBe(false);
  });

  it('pause holds a destination that is otherwise within budget, and is never shortened', async () => {
    const rl = limiter();
    await rl.pause('robot', 2_000);
    await rl.pause('robot', 50);
    const held = await rl.take('robot', 20, 60_000);
    expect(held.allowed).toBe(false);
    expect(held.retryInMs).toBeGreaterThan(50);
    expect((await rl.take('other', 20, 60_000)).allowed).toBe(true);
    await sleep(held.retryInMs + 20);
    expect((await rl.take('robot', 20, 60_000)).allowed).toBe(true);
  });

  it('keeps its keys under the prefix, each with an expiry', async () => {
    const rl = limiter();
    const prefix = prefixes[prefixes.length - 1]!;
    await rl.take('x', 3, 5_000);
    await rl.pause('y', 5_000);
    const keys = await redis.keys(`{${prefix}}:*`);
    expect(keys.sort()).toEqual([`{${prefix}}:x:log`, `{${prefix}}:y:pause`]);
    for (const key of keys) expect(await redis.pttl(key)).toBeGreaterThan(0);
  });

  it('rejects a rule that could never allow a send', async () => {
    const rl = limiter();
    await expect(rl.take('x', 0, 1000)).rejects.toMatchObject({ code: 'RATE_RULE_INVALID' });
    await expect(rl.take('x', 1, 0)).rejects.toMatchObject({ code: 'RATE_RULE_INVALID' });
    await expect(rl.take('', 1, 1000)).rejects.toMatchObject({ code: 'RATE_RULE_INVALID' });
  });

  describe('takes asked for together go in one call, decided one by one', () => {
    it('of takes asked for together, admits exactly the limit, in order, and tells the others how long to wait', async () => {
      const rl = limiter();
      const rule = { key: 'chat:group:g1', limit: 3, windowMs: 60_000 };
      const decisions = await Promise.all(Array.from({ length: 5 }, () => rl.takeAll([rule])));
      expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
      for (const denied of decisions.slice(3)) {
        expect(denied.retryInMs).toBeGreaterThan(0);
        expect(denied.retryInMs).toBeLessThanOrEqual(60_000);
      }
    });

    it('keeps a separate budget per destination within one call', async () => {
      const rl = limiter();
      const decisions = await Promise.all(['a', 'b', 'a', 'c', 'b'].map((g) => rl.takeAll([{ key: `chat:group:${g}`, limit: 1, windowMs: 60_000 }])));
      expect(decisions.map((d) => d.allowed)).toEqual([true, true, false, true, false]);
    });

    it('spends from every rule of a take or from none, also when its neighbours in the call are admitted', async () => {
      const p = prefix();
      const rl = new DestinationRateLimiter(redis, p);
      const account = { key: 'chat:account', limit: 2, windowMs: 60_000 };
      const groups = ['g1', 'g2', 'g3'].map((g) => ({ key: `chat:group:${g}`, limit: 5, windowMs: 60_000 }));
      const decisions = await Promise.all(groups.map((group) => rl.takeAll([group, account])));
      expect(decisions.map((d) => d.allowed)).toEqual([true, true, false]);
      // The denied take gave nothing: g3 still has all 5 of its sends, taken one at a time.
      for (let i = 0; i < 5; i++) expect((await rl.take('chat:group:g3', 5, 60_000)).allowed).toBe(true);
      expect((await rl.take('chat:group:g3', 5, 60_000)).allowed).toBe(false);
    });

    it('never admits more than the limit when several workers each send a call of many takes at once', async () => {
      const p = prefix();
      const others = Array.from({ length: 3 }, () => new Redis(redisUrl(), { maxRetriesPerRequest: 3 }));
      try {
        const limiters = [redis, ...others].map((r) => new DestinationRateLimiter(r, p));
        const rule = { key: 'burst', limit: 10, windowMs: 60_000 };
        const decisions = await Promise.all(Array.from({ length: 60 }, (_, i) => limiters[i % limiters.length]!.takeAll([rule])));
        expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
      } finally {
        await Promise.all(others.map((r) => r.quit()));
      }
    });

    it('rejects only the take whose rule could never allow a send', async () => {
      const rl = limiter();
      const [bad, good] = await Promise.allSettled([rl.takeAll([{ key: 'x', limit: 0, windowMs: 1000 }]), rl.takeAll([{ key: 'x', limit: 1, windowMs: 1000 }])]);
      expect(bad).toMatchObject({ status: 'rejected', reason: { code: 'RATE_RULE_INVALID' } });
      expect(good).toEqual({ status: 'fulfilled', value: { allowed: true, retryInMs: 0 } });
    });
  });
});
