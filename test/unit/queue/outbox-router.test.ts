import { groupClaimer, OutboxRouter, ROUTE_TTL_MS, type CohortAccount, type RouteBook, type RouteMembership } from '../../../src/queue/outbox-router';
import type { Platform } from '../../../src/platform/chat-event';

const WECHAT_A = 'wechaty-aaaaaaaaaaaa';
const WECHAT_B = 'wechaty-bbbbbbbbbbbb';
const DING = 'dingtalk-dingrobot1';

/** A RouteBook over plain maps that counts its reads. */
function book(data: { groups?: Record<string, string>; cohorts?: Record<string, CohortAccount[]>; members?: Record<string, RouteMembership[]> }) {
  const reads = { groups: [] as string[][], cohorts: [] as string[], members: [] as string[] };
  const b: RouteBook = {
    async groupAccounts(ids) {
      reads.groups.push([...ids]);
      return new Map(ids.flatMap((id) => (data.groups?.[id] ? [[id, data.groups[id]] as [string, string]] : [])));
    },
    async cohortAccounts(cohortId) {
      reads.cohorts.push(cohortId);
      return data.cohorts?.[cohortId] ?? [];
    },
    async memberships(userId) {
      reads.members.push(userId);
      return data.members?.[userId] ?? [];
    },
  };
  return { book: b, reads, data };
}

const member = (cohortId: string, platform: Platform, joinedAt: string, active = true): RouteMembership => ({ cohortId, platform, active, joinedAt: new Date(joinedAt) });
const quiet = { debug: jest.fn() };

describe('OutboxRouter: a group', () => {
  it('routes to the account its binding records, and a group no account serves to the shared queue', async () => {
    const { book: b } = book({ groups: { 'g1@chatroom': WECHAT_A, cidDing: DING } });
    const router = new OutboxRouter(b, quiet);
    expect(await router.route({ kind: 'group', id: 'g1@chatroom' })).toBe(WECHAT_A);
    expect(await router.route({ kind: 'group', id: 'cidDing' })).toBe(DING);
    expect(await router.route({ kind: 'group', id: 'legacy@chatroom' })).toBeNull();
  });

  it('says at debug level that a message had no account to go to', async () => {
    const debug = jest.fn();
    const router = new OutboxRouter(book({}).book, { debug });
    await router.route({ kind: 'group', id: 'legacy@chatroom' });
    expect(debug).toHaveBeenCalledWith(expect.objectContaining({ target: { kind: 'group', id: 'legacy@chatroom' } }), expect.stringContaining('shared outbox'));
  });

  it('keeps a resolved group for the TTL, then reads it again', async () => {
    let now = 1_000;
    const { book: b, reads, data } = book({ groups: { 'g1@chatroom': WECHAT_A } });
    const router = new OutboxRouter(b, quiet, { now: () => now });
    await router.route({ kind: 'group', id: 'g1@chatroom' });
    data.groups!['g1@chatroom'] = WECHAT_B;
    now += ROUTE_TTL_MS - 1;
    expect(await router.route({ kind: 'group', id: 'g1@chatroom' })).toBe(WECHAT_A);
    expect(reads.groups).toHaveLength(1);
    now += 1;
    expect(await router.route({ kind: 'group', id: 'g1@chatroom' })).toBe(WECHAT_B);
    expect(reads.groups).toHaveLength(2);
  });

  it('reads a group no account served again on the next message, so a group bound meanwhile routes at once', async () => {
    const { book: b, data } = book({ groups: {} });
    const router = new OutboxRouter(b, quiet);
    expect(await router.route({ kind: 'group', id: 'new@chatroom' })).toBeNull();
    data.groups!['new@chatroom'] = WECHAT_A;
    expect(await router.route({ kind: 'group', id: 'new@chatroom' })).toBe(WECHAT_A);
  });

  it('reads every binding once for a batch of many unknown groups (a minute of reminders), shared by lookups meanwhile', async () => {
    const groups = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`g${i}@chatroom`, i % 2 === 0 ? WECHAT_A : WECHAT_B]));
    const { book: b, reads } = book({ groups });
    let allReads = 0;
    b.allGroupAccounts = async () => {
      allReads += 1;
      return new Map(Object.entries(groups));
    };
    const router = new OutboxRouter(b, quiet);
    const batch = (from: number) => Array.from({ length: 100 }, (_, i) => ({ target: { kind: 'group' as const, id: `g${from + i}@chatroom` } }));
    const [first, second] = await Promise.all([router.routeMany(batch(0)), router.routeMany(batch(100))]);
    const third = await router.routeMany(batch(200));
    expect([...first, ...second, ...third]).toEqual(Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? WECHAT_A : WECHAT_B)));
    expect(allReads).toBe(1);
    expect(reads.groups).toEqual([]);
    // A few unknown groups are read by their ids.
    await router.routeMany([{ target: { kind: 'group', id: 'new@chatroom' } }]);
    expect(reads.groups).toEqual([['new@chatroom']]);
    expect(allReads).toBe(1);
  });

  it('keeps the read of every binding for the TTL: batches to groups no account serves do not read it again', async () => {
    let now = 1_000;
    const { book: b, reads } = book({ groups: {} });
    let allReads = 0;
    b.allGroupAccounts = async () => {
      allReads += 1;
      return new Map();
    };
    const router = new OutboxRouter(b, quiet, { now: () => now });
    const batch = (from: number) => Array.from({ length: 100 }, (_, i) => ({ target: { kind: 'group' as const, id: `legacy${from + i}@chatroom` } }));
    for (let from = 0; from < 1_000; from += 100) expect(await router.routeMany(batch(from))).toEqual(Array.from({ length: 100 }, () => null));
    expect(allReads).toBe(1);
    expect(reads.groups).toEqual([]);
    now += ROUTE_TTL_MS;
    await router.routeMany(batch(0));
    expect(allReads).toBe(2);
  });

  it('reads all the groups of a bulk in one lookup, leaving out those it keeps', async () => {
    const { book: b, reads } = book({ groups: { g1: WECHAT_A, g2: DING, g3: WECHAT_B } });
    const router = new OutboxRouter(b, quiet);
    await router.route({ kind: 'group', id: 'g1' });
    const routes = await router.routeMany(['g1', 'g2', 'g3', 'g2', 'g4'].map((id) => ({ target: { kind: 'group' as const, id } })));
    expect(routes).toEqual([WECHAT_A, DING, WECHAT_B, DING, null]);
    expect(reads.groups).toEqual([['g1'], ['g2', 'g3', 'g4']]);
  });
});

describe('OutboxRouter: a person privately', () => {
  it("without a cohort: the account serving the most recently joined active membership, on that membership's platform", async () => {
    const { book: b } = book({
      cohorts: { old: [{ platform: 'wechaty', account: WECHAT_A }], recent: [{ platform: 'wechaty', account: WECHAT_B }], past: [{ platform: 'wechaty', account: DING }] },
      members: { u1: [member('old', 'wechaty', '2027-01-01'), member('recent', 'wechaty', '2027-03-01'), member('past', 'wechaty', '2027-04-01', false)] },
    });
    expect(await new OutboxRouter(b, quiet).route({ kind: 'private', id: 'u1' })).toBe(WECHAT_B);
  });

  it('without a cohort: passes over memberships whose cohort no account of their platform serves', async () => {
    const { book: b } = book({
      cohorts: { unbound: [], dingOnly: [{ platform: 'dingtalk', account: DING }], served: [{ platform: 'wechaty', account: WECHAT_A }] },
      members: { u1: [member('unbound', 'wechaty', '2027-03-03'), member('dingOnly', 'wechaty', '2027-03-02'), member('served', 'wechaty', '2027-03-01')] },
    });
    expect(await new OutboxRouter(b, quiet).route({ kind: 'private', id: 'u1' })).toBe(WECHAT_A);
  });

  it('a person in no bound cohort goes to the shared queue', async () => {
    const { book: b } = book({ cohorts: { c1: [] }, members: { u1: [member('c1', 'wechaty', '2027-03-01')] } });
    const router = new OutboxRouter(b, quiet);
    expect(await router.route({ kind: 'private', id: 'u1' })).toBeNull();
    expect(await router.route({ kind: 'private', id: 'stranger' })).toBeNull();
  });

  it('with a cohort named: its account, when the person belongs to it, before the account of a more recent membership', async () => {
    const { book: b } = book({
      cohorts: { c1: [{ platform: 'wechaty', account: WECHAT_A }], other: [{ platform: 'wechaty', account: WECHAT_B }] },
      members: { u1: [member('c1', 'wechaty', '2027-01-01'), member('other', 'wechaty', '2027-05-01')] },
    });
    expect(await new OutboxRouter(b, quiet).route({ kind: 'private', id: 'u1' }, 'c1')).toBe(WECHAT_A);
  });

  it('with a cohort named that an administrator on another platform is no member of: the account serving their own cohort, which can reach them', async () => {
    const { book: b } = book({
      cohorts: { wx: [{ platform: 'wechaty', account: WECHAT_A }], dt: [{ platform: 'dingtalk', account: DING }] },
      members: { dingAdmin: [member('dt', 'dingtalk', '2027-02-01')], wxAdmin: [member('wx', 'wechaty', '2027-02-01')] },
    });
    const router = new OutboxRouter(b, quiet);
    expect(await router.route({ kind: 'private', id: 'dingAdmin' }, 'wx')).toBe(DING);
    expect(await router.route({ kind: 'private', id: 'wxAdmin' }, 'dt')).toBe(WECHAT_A);
  });

  it('with a cohort named, someone no roster knows (an administrator by ADMIN_IDS alone) gets its account', async () => {
    const { book: b } = book({ cohorts: { c1: [{ platform: 'dingtalk', account: DING }] } });
    expect(await new OutboxRouter(b, quiet).route({ kind: 'private', id: 'office' }, 'c1')).toBe(DING);
  });

  it('with a cohort served by several accounts: the one on the platform the person belongs to the cohort on', async () => {
    const { book: b } = book({
      cohorts: { c1: [{ platform: 'wechaty', account: WECHAT_A }, { platform: 'dingtalk', account: DING }] },
      members: { wx: [member('c1', 'wechaty', '2027-03-01')], dt: [member('c1', 'dingtalk', '2027-03-01')] },
    });
    const router = new OutboxRouter(b, quiet);
    expect(await router.route({ kind: 'private', id: 'wx' }, 'c1')).toBe(WECHAT_A);
    expect(await router.route({ kind: 'private', id: 'dt' }, 'c1')).toBe(DING);
  });

  it("with a cohort no account serves yet: the person's own memberships decide", async () => {
    const { book: b } = book({
      cohorts: { c1: [], other: [{ platform: 'wechaty', account: WECHAT_B }] },
      members: { u1: [member('c1', 'wechaty', '2027-05-01'), member('other', 'wechaty', '2027-03-01')] },
    });
    expect(await new OutboxRouter(b, quiet).route({ kind: 'private', id: 'u1' }, 'c1')).toBe(WECHAT_B);
  });

  it('a bulk to the same person and cohort resolves the person once', async () => {
    const { book: b, reads } = book({ cohorts: { c1: [], c2: [{ platform: 'wechaty', account: WECHAT_A }] }, members: { u1: [member('c2', 'wechaty', '2027-03-01')] } });
    const routes = await new OutboxRouter(b, quiet).routeMany([1, 2, 3].map(() => ({ target: { kind: 'private' as const, id: 'u1' } })));
    expect(routes).toEqual([WECHAT_A, WECHAT_A, WECHAT_A]);
    expect(reads.members).toEqual(['u1']);
  });
});

describe('groupClaimer: a binding made before accounts were recorded', () => {
  function bindings(initial: Record<string, { account?: string } | null>) {
    const state = { ...initial };
    const claims: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    return {
      state,
      claims,
      release,
      store: {
        findByGroup: async (_p: Platform, id: string) => (state[id] ? { ...state[id] } : null),
        claimAccount: async (_p: Platform, id: string, account: string) => {
          claims.push(id);
          await held;
          if (state[id] && !state[id].account) state[id] = { account };
          return true;
        },
      },
    };
  }
  const log = { warn: jest.fn() };

  it('claims a bound group without an account once, however many of its messages arrive meanwhile', async () => {
    const b = bindings({ legacy: {} });
    const claim = groupClaimer(b.store, WECHAT_A, log);
    const pending = [1, 2, 3].map(() => claim('wechaty', { kind: 'group', id: 'legacy' }));
    await new Promise((r) => setImmediate(r));
    b.release();
    await Promise.all(pending);
    await claim('wechaty', { kind: 'group', id: 'legacy' });
    expect(b.claims).toEqual(['legacy']);
    expect(b.state.legacy).toEqual({ account: WECHAT_A });
  });

  it('leaves a group another account serves, an unbound group and a private chat alone', async () => {
    const b = bindings({ served: { account: DING }, unbound: null });
    b.release();
    const claim = groupClaimer(b.store, WECHAT_A, log);
    await claim('wechaty', { kind: 'group', id: 'served' });
    await claim('wechaty', { kind: 'group', id: 'unbound' });
    await claim('wechaty', { kind: 'private', id: 'served' });
    expect(b.claims).toEqual([]);
  });
});
