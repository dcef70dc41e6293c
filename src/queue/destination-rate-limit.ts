import { randomBytes } from 'node:crypto';
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
 * Sliding log per key (a sorted set of send times, Redis server time), plus a pause key that
 * a destination's own "too many messages" answer sets. Either all rules admit the send and
 * every log records it, or none does, so a denied send never spends another rule's budget.
 * KEYS: log and pause key per rule; ARGV: unique member id, then limit and window per rule.
 */
const TAKE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rules = #KEYS / 2
local wait = 0
for i = 1, rules do
  local log = KEYS[2 * i - 1]
  local limit = tonumber(ARGV[2 * i])
  local window = tonumber(ARGV[2 * i + 1])
  local paused = redis.call('PTTL', KEYS[2 * i])
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
if wait > 0 then return {0, wait} end
for i = 1, rules do
  local log = KEYS[2 * i - 1]
  redis.call('ZADD', log, now, ARGV[1])
  redis.call('PEXPIRE', log, tonumber(ARGV[2 * i + 1]))
end
return {1, 0}
`;

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
  /** `prefix` names the key space, e.g. `${QUEUE_PREFIX}:ratelimit`; tests use a unique one. */
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  /** Takes one send from `destinationKey`'s budget of `limit` per `windowMs`, if there is one left. */
  async take(destinationKey: string, limit: number, windowMs: number): Promise<RateDecision> {
    return this.takeAll([{ key: destinationKey, limit, windowMs }]);
  }

  /** Takes one send from every rule at once, or from none (e.g. per group and per account). */
  async takeAll(rules: readonly RateRule[]): Promise<RateDecision> {
    if (rules.length === 0) return { allowed: true, retryInMs: 0 };
    const keys: string[] = [];
    const args: (string | number)[] = [randomBytes(8).toString('hex')];
    for (const rule of rules) {
      validate(rule);
      keys.push(this.logKey(rule.key), this.pauseKey(rule.key));
      args.push(Math.floor(rule.limit), Math.ceil(rule.windowMs));
    }
    const reply = (await this.redis.eval(TAKE_SCRIPT, keys.length, ...keys, ...args)) as [number, number];
    return { allowed: reply[0] === 1, retryInMs: Number(reply[1]) };
  }

  /** Holds all sends to `destinationKey` for `ms`, when the destination itself said "too many". */
  async pause(destinationKey: string, ms: number): Promise<void> {
    if (!(ms >= 1)) return;
    await this.redis.eval(PAUSE_SCRIPT, 1, this.pauseKey(destinationKey), Math.ceil(ms));
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
