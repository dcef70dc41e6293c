import { fanOutFigures, isSessionReminder, signInFigures, summarize, SUMMARY_RATE, type DeploymentFigures, type ExpectedReminder, type FanOutFigures, type Receipt, type SignInFigures } from '../../../bench/multi-account/figures';
import { ALL_SUMMARY_KEYS, MULTI_ACCOUNT_SUMMARY_KEYS, SUMMARY_KEYS } from '../../../bench/run-all';

const reminder = (group: string) => `⏰ 30 分钟后上课：09:00-12:00 直播基础（张老师）${group}`;
const isReminder = isSessionReminder(30);

describe('fanOutFigures', () => {
  const expected = new Map<string, ExpectedReminder>([
    ['g1', { account: 'wechaty-a', text: reminder('g1') }],
    ['g2', { account: 'wechaty-a', text: reminder('g2') }],
    ['g3', { account: 'wechaty-b', text: reminder('g3') }],
  ]);
  const at = (account: string, conversationId: string, ms: number, text = reminder(conversationId)): Receipt => ({ account, conversationId, at: 1000 + ms, text });

  it('times the last group from t0 and splits the fan-out by account when every group got its own reminder once', () => {
    const f = fanOutFigures(expected, [at('wechaty-a', 'g2', 400), at('wechaty-b', 'g3', 250), at('wechaty-a', 'g1', 100)], 1000, isReminder);
    expect(f).toMatchObject({ groups: 3, received: 3, allReceivedMs: 400, msgPerSec: 7.5, wrongAccount: 0, lost: 0, doubled: 0, wrongText: 0, others: 0 });
    expect(f.latencyMs).toMatchObject({ samples: 3, p50: 250, max: 400 });
    expect(f.perAccount).toEqual([
      { account: 'wechaty-a', groups: 2, received: 2, allReceivedMs: 400 },
      { account: 'wechaty-b', groups: 1, received: 1, allReceivedMs: 250 },
    ]);
  });

  it('counts a reminder through an account that does not serve the group as wrong, not as received, and the group as lost', () => {
    const f = fanOutFigures(expected, [at('wechaty-a', 'g1', 100), at('wechaty-a', 'g2', 120), at('wechaty-a', 'g3', 130), at('wechaty-b', 'elsewhere', 140)], 1000, isReminder);
    expect(f).toMatchObject({ received: 2, wrongAccount: 2, lost: 1, doubled: 0, allReceivedMs: null, msgPerSec: null });
    expect(f.perAccount[1]).toEqual({ account: 'wechaty-b', groups: 1, received: 0, allReceivedMs: null });
  });

  it('counts doubles, a reminder with another group\'s text, and other messages apart; leading @mentions do not matter', () => {
    const f = fanOutFigures(
      expected,
      [
        at('wechaty-a', 'g1', 100, `@所有人 ${reminder('g1')}`),
        at('wechaty-a', 'g1', 300),
        at('wechaty-a', 'g2', 120, reminder('g3')),
        at('wechaty-b', 'g3', 90),
        at('wechaty-b', 'g3', 95, '📋 签到 已签到 0/50'),
      ],
      1000,
      isReminder,
    );
    expect(f).toMatchObject({ received: 3, doubled: 1, wrongText: 1, others: 1, wrongAccount: 0, lost: 0, allReceivedMs: 120 });
  });
});

describe('signInFigures', () => {
  const sends = [
    { contactId: 'a', round: 0, at: 0 },
    { contactId: 'b', round: 0, at: 100 },
    { contactId: 'a', round: 1, at: 200 },
    { contactId: 'b', round: 1, at: 300 },
  ];
  const done = [0, 1, 2, 3].map((i) => ({ at: 400 + i * 100, failed: i === 3 }));

  it('drains over first send → last finished or first stored, times the first 签到 to its first acknowledgement, and finds doubles in writes or the database', () => {
    const f = signInFigures({
      offeredPerSec: 10,
      sends,
      done,
      stored: [
        { userId: 'a', ackAt: 50 },
        { userId: 'b', ackAt: 900 },
        { userId: 'b', ackAt: 950 },
      ],
      trainees: ['a', 'b'],
      recordsInDatabase: new Map([
        ['a', 1],
        ['b', 1],
      ]),
      drained: true,
    });
    expect(f.messages).toBe(4);
    expect(f.sentPerSec).toBe(10);
    expect(f.drainedMs).toBe(900);
    expect(f.drainedPerSec).toBeCloseTo(4 / 0.9);
    expect(f.toStoredMs).toMatchObject({ samples: 2, p50: 50, p99: 800 });
    expect(f).toMatchObject({ lost: 0, doubled: 1, failed: 1, keptUp: false });
  });

  it('counts a trainee without a record as lost and, when not drained, what was finished over the wait', () => {
    const f = signInFigures({
      offeredPerSec: 1,
      sends,
      done: done.slice(0, 2),
      stored: [{ userId: 'a', ackAt: 50 }],
      trainees: ['a', 'b'],
      recordsInDatabase: new Map([['a', 1]]),
      drained: false,
      gaveUpAt: 2000,
    });
    expect(f.lost).toBe(1);
    expect(f.drainedPerSec).toBe(1);
    expect(f.keptUp).toBe(false);
  });

  it('keeps up when drained at 90 % of the offered rate with nothing lost', () => {
    const f = signInFigures({ offeredPerSec: 4, sends, done: done.map((d) => ({ ...d, failed: false })), stored: [], trainees: [], recordsInDatabase: new Map(), drained: true });
    expect(f.drainedPerSec).toBeCloseTo(4 / 0.7);
    expect(f.keptUp).toBe(true);
  });
});

describe('summarize', () => {
  const fanOut = (allReceivedMs: number | null, wrongAccount = 0): FanOutFigures => ({ allReceivedMs, wrongAccount, doubled: 0 }) as FanOutFigures;
  const signIn = (drainedPerSec: number, lost = 0): SignInFigures => ({ drainedPerSec, lost }) as SignInFigures;
  const deployment = (ms: number | null, drained: number, other = 300): DeploymentFigures => ({
    fanOut: fanOut(ms),
    signIn: [
      { offeredPerSec: other, figures: signIn(999) },
      { offeredPerSec: SUMMARY_RATE, figures: signIn(drained) },
    ],
  });

  it('divides the multi-account fan-out time by the single one and takes the drained rates at the summary rate', () => {
    expect(summarize(deployment(2000, 410.26), deployment(5000, 190.04))).toEqual({ multiAccountRemindersVsSingle: 0.4, multiAccountSigninMsgPerSec: 410.3, singleAccountSigninMsgPerSec: 190 });
  });

  it('leaves a figure out when its run is missing, did not finish, lost sign-ins or sent through a wrong account', () => {
    expect(summarize(deployment(null, 400), deployment(5000, 190, SUMMARY_RATE + 1)).multiAccountRemindersVsSingle).toBeNull();
    expect(summarize({ fanOut: fanOut(2000, 1), signIn: [] }, deployment(5000, 190)).multiAccountRemindersVsSingle).toBeNull();
    expect(summarize(deployment(2000, 400), null)).toEqual({ multiAccountRemindersVsSingle: null, multiAccountSigninMsgPerSec: 400, singleAccountSigninMsgPerSec: null });
    expect(summarize({ fanOut: null, signIn: [{ offeredPerSec: SUMMARY_RATE, figures: signIn(400, 3) }] }, null).multiAccountSigninMsgPerSec).toBeNull();
  });
});

describe('summary keys', () => {
  it('adds the many-accounts figures after the existing ones, which stay as they were', () => {
    expect(ALL_SUMMARY_KEYS.map((k) => k.key)).toEqual([...SUMMARY_KEYS.map((k) => k.key), 'multiAccountRemindersVsSingle', 'multiAccountSigninMsgPerSec', 'singleAccountSigninMsgPerSec']);
    expect(MULTI_ACCOUNT_SUMMARY_KEYS).toHaveLength(3);
  });
});
