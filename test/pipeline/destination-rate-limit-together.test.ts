import { Redis } from 'ioredis';
import { DestinationRateLimiter } from '../../src/queue/destination-rate-limit';
import { redisUrl, uniqueName } from '../support/test-env';

describe('DestinationRateLimiter (real Redis): takes asked for together go in one call, decided as one by one', () => {
  let redis: Redis;
  const prefixes: string[] = [];

  /** A fresh prefix no other test uses. */
  function prefix(): string {
    const p = uniqueName('ratelimit_together');
    prefixes.push(p);
    return p;
  }

  beforeAll(() => {
    redis = new Redis(redisUrl(), { maxRetriesPerRequest: 3 });
  });

  afterAll(async () => {
    for (const p of prefixes) {
      const keys = await redis.keys(`{${p}}:*`);
      if (keys.length > 0) await redis.del(...keys);
    }
    await redis.quit();
  });

  it('of takes asked for together, admits exactly the limit, in order, and tells the others how long to wait', async () => {
    const rl = new DestinationRateLimiter(redis, prefix());
    const rule = { key: 'chat:group:g1', limit: 3, windowMs: 60_000 };
    const decisions = await Promise.all(Array.from({ length: 5 }, () => rl.takeAll([rule])));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
    for (const denied of decisions.slice(3)) {
      expect(denied.retryInMs).toBeGreaterThan(0);
      expect(denied.retryInMs).toBeLessThanOrEqual(60_000);
    }
  });

  it('keeps a separate budget per destination within one call', async () => {
    const rl = new DestinationRateLimiter(redis, prefix());
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
    const rl = new DestinationRateLimiter(redis, prefix());
    const [bad, good] = await Promise.allSettled([rl.takeAll([{ key: 'x', limit: 0, windowMs: 1000 }]), rl.takeAll([{ key: 'x', limit: 1, windowMs: 1000 }])]);
    expect(bad).toMatchObject({ status: 'rejected', reason: { code: 'RATE_RULE_INVALID' } });
    expect(good).toEqual({ status: 'fulfilled', value: { allowed: true, retryInMs: 0 } });
  });
});
