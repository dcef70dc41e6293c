import { createHash, randomBytes } from 'node:crypto';
import type { RedisClient } from './redis-connection';

/** One send budget: at most `limit` sends to `key` in any `windowMs` span. */
export interface RateRule {
  key: string;
  limit: number;
  windowMs: number;
}

/** The limiter's answer: send now, or try again in `retryInMs` (0 when allowed). */
export interface RateDecision {
  allowed: boolean;
  retryInMs: number;
}

/** Raised for a rule that can never allow a send (limit or window below 1, empty key). */
export class RateRuleError extends Error {
  readonly code = 'RATE_RULE_INVALID';
}

/**
 * Takes one send from every rule of each take, or from none (sliding log per key, the pause
 * key), for several takes at once: each take, in the order given, is decided against the logs
 * as the takes before it in the call left them, exactly as if it came alone.
 * KEYS: log and pause key per rule of each take, take after take. ARGV: a member id unique to
 * the call, then per take its number of rules and limit and window per rule.
 * Replies one figure per take: 0 allowed, else the ms to wait.
 */
const TAKE_MANY_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local reply = {}
local k = 0
local a = 2
local take = 0
while a <= #ARGV do
  take = take + 1
  local rules = tonumber(ARGV[a])
  local wait = 0
  for i = 1, rules do
    local log = KEYS[k + 2 * i - 1]
    local limit = tonumber(ARGV[a + 2 * i - 1])
    local window = tonumber(ARGV[a + 2 * i])
    local paused = redis.call('PTTL', KEYS[k + 2 * i])
    if paused > wait then wait = paused end
    redis.call('ZREMRANGEBYSCORE', log, '-inf', now - window)
    local count = redis.call('ZCARD', log)
    if count >= limit then
      local freeing = redis.call('ZRANGE', log, count - limit, count - limit, 'WITHSCORES')
      local w = tonumber(freeing[2]) + window - now
      if w < 1 then w = 1 end
      if w > wait then wait = w end
    end
  end
  if wait == 0 then
    local member = ARGV[1] .. ':' .. take
    for i = 1, rules do
      local log = KEYS[k + 2 * i - 1]
      redis.call('ZADD', log, now, member)
      redis.call('PEXPIRE', log, tonumber(ARGV[a + 2 * i]))
    end
  end
  reply[take] = wait
  k = k + 2 * rules
  a = a + 1 + 2 * rules
end
return reply
`;

const TAKE_MANY_SHA = createHash('sha1').update(TAKE_MANY_SCRIPT).digest('hex');

/** At most this many takes go in one script call, so one call never holds Redis long. */
const MAX_TAKES_PER_CALL = 100;

const ALLOWED: RateDecision = { allowed: true, retryInMs: 0 };

interface PendingTake {
  rules: readonly RateRule[];
  resolve: (decision: RateDecision) => void;
  reject: (err: unknown) => void;
}


/** Sets the pause key for ARGV[1] ms, never shortening a longer pause already in force. */
const PAUSE_SCRIPT = `
local ms = tonumber(ARGV[1])
if redis.call('PTTL', KEYS[1]) < ms then redis.call('SET', KEYS[1], '1', 'PX', ms) end
return 0
`;

/**
 * Per-destination send budgets shared by every process on one Redis, so a burst of reminders
 * is spread out instead of getting the bot or a robot throttled (WeCom/DingTalk robots: 20/min).
 */
export class DestinationRateLimiter {
  private pending: PendingTake[] = [];
  private scheduled = false;

  /** `prefix` names the key space, e.g. `${QUEUE_PREFIX}:ratelimit`; tests use a unique one. */
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  /** Takes one send from `destinationKey`'s budget of `limit` per `windowMs`, if there is one left. */
  async take(destinationKey: string, limit: number, windowMs: number): Promise<RateDecision> {
    return this.takeAll([{ key: destinationKey, limit, windowMs }]);
  }

  /**
   * Takes one send from every rule at once, or from none (e.g. per group and per account). The
   * takes asked for in one turn of the event loop (an outbox worker's concurrent jobs) go to Redis
   * together, as one script call by its hash, each decided in order as if alone.
   */
  async takeAll(rules: readonly RateRule[]): Promise<RateDecision> {
    if (rules.length === 0) return ALLOWED;
    for (const rule of rules) validate(rule);
    return new Promise((resolve, reject) => {
      this.pending.push({ rules, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Holds all sends to `destinationKey` for `ms`, when the destination itself said "too many". */
  async pause(destinationKey: string, ms: number): Promise<void> {
    if (!(ms >= 1)) return;
    await this.redis.eval(PAUSE_SCRIPT, 1, this.pauseKey(destinationKey), Math.ceil(ms));
  }

  private flush(): void {
    this.scheduled = false;
    const all = this.pending;
    this.pending = [];
    for (let i = 0; i < all.length; i += MAX_TAKES_PER_CALL) void this.send(all.slice(i, i + MAX_TAKES_PER_CALL));
  }

  private async send(takes: PendingTake[]): Promise<void> {
    const keys: string[] = [];
    const args: (string | number)[] = [randomBytes(8).toString('hex')];
    for (const { rules } of takes) {
      args.push(rules.length);
      for (const rule of rules) {
        keys.push(this.logKey(rule.key), this.pauseKey(rule.key));
        args.push(Math.floor(rule.limit), Math.ceil(rule.windowMs));
      }
    }
    try {
      const reply = await this.run(keys, args);
      takes.forEach((take, i) => {
        const wait = Number(reply[i]);
        take.resolve(wait > 0 ? { allowed: false, retryInMs: wait } : ALLOWED);
      });
    } catch (err) {
      for (const take of takes) take.reject(err);
    }
  }

  /** The script by its hash; its text only when this Redis has not seen it (after a restart or on a new node). */
  private async run(keys: string[], args: (string | number)[]): Promise<unknown[]> {
    try {
      return (await this.redis.evalsha(TAKE_MANY_SHA, keys.length, ...keys, ...args)) as unknown[];
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return (await this.redis.eval(TAKE_MANY_SCRIPT, keys.length, ...keys, ...args)) as unknown[];
    }
  }

  // One hash tag for the whole prefix: multi-rule takes stay in one slot on Redis Cluster.
  private logKey(destinationKey: string): string {
    return `{${this.prefix}}:${destinationKey}:log`;
  }

  private pauseKey(destinationKey: string): string {
    return `{${this.prefix}}:${destinationKey}:pause`;
  }
}

function validate(rule: RateRule): void {
  if (rule.key.length === 0) throw new RateRuleError('rate rule needs a destination key');
  if (!(rule.limit >= 1)) throw new RateRuleError(`rate rule for ${rule.key}: limit must be at least 1`);
  if (!(rule.windowMs >= 1)) throw new RateRuleError(`rate rule for ${rule.key}: window must be at least 1 ms`);
}
