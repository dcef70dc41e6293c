/**
 * The many-accounts bench's figures, from what the mocks received and what the bot processes
 * and the database saw (pure: no I/O, so they are unit-tested). Every time is monoMs(), the
 * machine's monotonic clock that all the bench's processes share.
 */
import { percentile } from '../support/stats';

/** Nearest-rank percentiles of a list of milliseconds. */
export interface Spread {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { samples: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN };
  return { samples: values.length, p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99), max: Math.max(...values) };
}

/** A message one account's puppet received from its bot. */
export interface Receipt {
  /** The account whose puppet received it. */
  account: string;
  conversationId: string;
  at: number;
  text: string;
}

/** What a group must get: its reminder, through the account its binding names. */
export interface ExpectedReminder {
  account: string;
  text: string;
}

/** A message's text without the @mentions a platform may put in front. */
export const withoutMentions = (text: string): string => text.replace(/^(@\S+\s)+/u, '');

/** A "N 分钟后上课" session reminder (any cohort's). */
export const isSessionReminder = (minutes: number) => (text: string): boolean => {
  const t = withoutMentions(text);
  return t.startsWith('⏰') && t.includes(`${minutes} 分钟后上课`);
};

/** One account's share of a fan-out. */
export interface AccountFanOut {
  account: string;
  groups: number;
  /** Groups that got their reminder through this account. */
  received: number;
  /** t0 → the last of them (null: not every group of the account got one). */
  allReceivedMs: number | null;
}

/** A fan-out's figures. */
export interface FanOutFigures {
  groups: number;
  /** Groups that got their reminder through their own account. */
  received: number;
  /** t0 → the last group's reminder (null: some group got none). */
  allReceivedMs: number | null;
  /** Groups ÷ all received, per second (null with allReceivedMs). */
  msgPerSec: number | null;
  /** t0 → each group's first reminder. */
  latencyMs: Spread;
  /** Reminders a puppet received for a group its account does not serve (or no group of the run). */
  wrongAccount: number;
  /** Groups with no reminder through their own account. */
  lost: number;
  /** Reminders beyond the first to a group. */
  doubled: number;
  /** Reminders to the right group through the right account whose text is not the group's. */
  wrongText: number;
  /** Anything else the bots sent meanwhile. */
  others: number;
  perAccount: AccountFanOut[];
}

/**
 * Checks every receipt against the group it went to: the right account, the group's own text,
 * once. `t0` is when the reminder job was fired.
 */
export function fanOutFigures(expected: ReadonlyMap<string, ExpectedReminder>, receipts: readonly Receipt[], t0: number, isReminder: (text: string) => boolean): FanOutFigures {
  const first = new Map<string, number>();
  let wrongAccount = 0;
  let doubled = 0;
  let wrongText = 0;
  let others = 0;
  for (const r of [...receipts].sort((a, b) => a.at - b.at)) {
    if (!isReminder(r.text)) {
      others++;
      continue;
    }
    const want = expected.get(r.conversationId);
    if (!want || want.account !== r.account) {
      wrongAccount++;
      continue;
    }
    if (withoutMentions(r.text) !== want.text) wrongText++;
    if (first.has(r.conversationId)) doubled++;
    else first.set(r.conversationId, r.at);
  }
  const lost = expected.size - first.size;
  const times = [...first.values()].map((at) => at - t0);
  const allReceivedMs = lost === 0 && times.length > 0 ? Math.max(...times) : lost === 0 ? 0 : null;
  const accounts = [...new Set([...expected.values()].map((e) => e.account))];
  const perAccount = accounts.map((account) => {
    const groups = [...expected].filter(([, e]) => e.account === account).map(([g]) => g);
    const got = groups.filter((g) => first.has(g)).map((g) => first.get(g)! - t0);
    return { account, groups: groups.length, received: got.length, allReceivedMs: got.length === groups.length && got.length > 0 ? Math.max(...got) : null };
  });
  return {
    groups: expected.size,
    received: first.size,
    allReceivedMs,
    msgPerSec: allReceivedMs ? expected.size / (allReceivedMs / 1000) : null,
    latencyMs: spread(times),
    wrongAccount,
    lost,
    doubled,
    wrongText,
    others,
    perAccount,
  };
}

/** One paced 签到 that went in (the load generators' SentRecord, any generator). */
export interface SignInSend {
  contactId: string;
  round: number;
  at: number;
}

/** A sign-in measurement's inputs, gathered from every generator, bot process and the database. */
export interface SignInInputs {
  offeredPerSec: number;
  sends: readonly SignInSend[];
  /** Events the bot processes finished (the measured senders' messages), from all of them. */
  done: readonly { at: number; failed: boolean }[];
  /** Attendance writes MongoDB acknowledged, from all bot processes. */
  stored: readonly { userId: string; ackAt: number }[];
  /** The trainees who sent, and how many records each has in the database for the session. */
  trainees: readonly string[];
  recordsInDatabase: ReadonlyMap<string, number>;
  /** Whether everything was finished and stored before the bench gave up. */
  drained: boolean;
  /** When the bench gave up (drained false): what was finished by then counts over the wait until then. */
  gaveUpAt?: number;
}

/** A sign-in measurement's figures. */
export interface SignInFigures {
  messages: number;
  sentPerSec: number;
  drainedMs: number;
  drainedPerSec: number;
  keptUp: boolean;
  /** A trainee's first 签到 sent → their record acknowledged by MongoDB. */
  toStoredMs: Spread;
  lost: number;
  doubled: number;
  failed: number;
}

/** Kept up: nothing lost, drained, and drained at least this share of the offered rate. */
export const KEEP_UP_SHARE = 0.9;

/** Drained msg/s, the time to stored, and what was lost or doubled, as the sign-in bench counts them. */
export function signInFigures(input: SignInInputs): SignInFigures {
  const messages = input.sends.length;
  const ats = input.sends.map((s) => s.at);
  const first = ats.length ? Math.min(...ats) : Number.NaN;
  const last = ats.length ? Math.max(...ats) : Number.NaN;
  const firstSent = new Map<string, number>();
  for (const s of input.sends) if (s.round === 0 && !firstSent.has(s.contactId)) firstSent.set(s.contactId, s.at);
  const storedAt = new Map<string, number>();
  const writes = new Map<string, number>();
  for (const r of input.stored) {
    writes.set(r.userId, (writes.get(r.userId) ?? 0) + 1);
    const cur = storedAt.get(r.userId);
    if (cur === undefined || r.ackAt < cur) storedAt.set(r.userId, r.ackAt);
  }
  const lat = [...firstSent].filter(([id]) => storedAt.has(id)).map(([id, at]) => storedAt.get(id)! - at);
  const end = Math.max(...input.done.map((d) => d.at), ...storedAt.values(), Number.NEGATIVE_INFINITY);
  const drainedMs = end - first;
  const drainedPerSec = input.drained ? messages / (drainedMs / 1000) : input.done.length / (((input.gaveUpAt ?? end) - first) / 1000);
  const lost = input.trainees.filter((t) => !input.recordsInDatabase.get(t)).length;
  const dbDoubled = [...input.recordsInDatabase.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
  const writesDoubled = [...writes.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
  return {
    messages,
    sentPerSec: last > first ? ((messages - 1) / (last - first)) * 1000 : Number.NaN,
    drainedMs,
    drainedPerSec,
    keptUp: input.drained && lost === 0 && drainedPerSec >= KEEP_UP_SHARE * input.offeredPerSec,
    toStoredMs: spread(lat),
    lost,
    doubled: Math.max(dbDoubled, writesDoubled),
    failed: input.done.filter((d) => d.failed).length,
  };
}

/** The offered rate the summary's sign-in figures are taken at. */
export const SUMMARY_RATE = 600;

/** What the summary reads of each deployment. */
export interface DeploymentFigures {
  fanOut: FanOutFigures | null;
  signIn: { offeredPerSec: number; figures: SignInFigures | null }[];
}

/** The figures run-all.ts merges into bench/results/summary.json (bench/README.md "Summary figures"). */
export function summarize(
  multi: DeploymentFigures | null,
  single: DeploymentFigures | null,
): { multiAccountRemindersVsSingle: number | null; multiAccountSigninMsgPerSec: number | null; singleAccountSigninMsgPerSec: number | null } {
  const r2 = (n: number) => Math.round(n * 100) / 100;
  const r1 = (n: number) => Math.round(n * 10) / 10;
  const fanOut = (d: DeploymentFigures | null) => {
    const f = d?.fanOut;
    return f && f.allReceivedMs !== null && f.wrongAccount === 0 && f.doubled === 0 ? f.allReceivedMs : null;
  };
  const signIn = (d: DeploymentFigures | null) => {
    const f = d?.signIn.find((s) => s.offeredPerSec === SUMMARY_RATE)?.figures;
    return f && f.lost === 0 && Number.isFinite(f.drainedPerSec) ? r1(f.drainedPerSec) : null;
  };
  const m = fanOut(multi);
  const s = fanOut(single);
  return {
    multiAccountRemindersVsSingle: m !== null && s ? r2(m / s) : null,
    multiAccountSigninMsgPerSec: signIn(multi),
    singleAccountSigninMsgPerSec: signIn(single),
  };
}
