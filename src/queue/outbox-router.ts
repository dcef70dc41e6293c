import type { Logger } from '../kernel/logger';
import type { ChatTarget, Platform } from '../platform/chat-event';

/** An account serving a group of a cohort, as a binding records it. */
export interface CohortAccount {
  platform: Platform;
  account: string;
}

/** One cohort a person belongs to, as the routing reads it. */
export interface RouteMembership {
  cohortId: string;
  platform: Platform;
  active: boolean;
  joinedAt: Date;
}

/** What the router reads to find the account that serves a chat: the group bindings and the rosters. */
export interface RouteBook {
  /** The account recorded on the binding of each of `groupIds` that has one (by group id; any platform). */
  groupAccounts(groupIds: readonly string[]): Promise<Map<string, string>>;
  /**
   * The account of every binding that records one. A big batch (a minute's reminders to
   * thousands of groups) reads this once instead of the bindings of each hundred: on FerretDB a
   * lookup by many ids scans every binding anyway.
   */
  allGroupAccounts?(): Promise<Map<string, string>>;
  /** The accounts recorded on the bindings of a cohort's groups. */
  cohortAccounts(cohortId: string): Promise<CohortAccount[]>;
  /** Every cohort `userId` belongs to, on any platform. */
  memberships(userId: string): Promise<RouteMembership[]>;
}

/** Where one message goes: a chat, and the cohort it concerns when the sender knows it. */
export interface RouteRequest {
  target: ChatTarget;
  cohortId?: string | undefined;
}

/** How long a resolved route is trusted: a rebound group moves to its new account within it. */
export const ROUTE_TTL_MS = 30_000;

/** Groups missing from what the router keeps, from which it reads every binding at once instead (RouteBook.allGroupAccounts). */
export const ALL_GROUPS_FROM = 50;

type Cached<T> = { value: T; at: number };

/**
 * Finds the bot account whose outbox a message goes to, so that only the account serving a
 * chat ever sends to it. A group: the account its binding records. A person privately: the
 * account serving a group of a cohort the person belongs to, on the platform they belong to it
 * on (an account of another platform cannot reach them); the cohort the message concerns first
 * when the sender names it, then the most recent membership. Someone no roster knows (an
 * administrator by ADMIN_IDS alone) gets the named cohort's own account. null when no account
 * is known (a group bound before bindings recorded their account, a person in no bound cohort):
 * the message goes to the shared outbox, as every message did before accounts were routed.
 *
 * Resolved routes are kept for ROUTE_TTL_MS; what is not resolved is read again each time, so a
 * group bound a moment ago routes to its account at once.
 */
export class OutboxRouter {
  private readonly groups = new Map<string, Cached<string>>();
  private readonly cohorts = new Map<string, Cached<CohortAccount[]>>();
  private readonly people = new Map<string, Cached<string>>();
  /** A read of every binding on its way, which lookups starting meanwhile share. */
  private allGroups: Promise<Map<string, string>> | null = null;
  /** The last read of every binding: for ROUTE_TTL_MS, a group of a large batch missing from it has no account. */
  private everyGroupRead: Cached<Map<string, string>> | null = null;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly book: RouteBook,
    private readonly log: Pick<Logger, 'debug'>,
    options: { ttlMs?: number; now?: () => number } = {},
  ) {
    this.ttlMs = options.ttlMs ?? ROUTE_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** The account that serves `target`; null: the shared outbox. */
  async route(target: ChatTarget, cohortId?: string): Promise<string | null> {
    const [account] = await this.routeMany([{ target, cohortId }]);
    return account ?? null;
  }

  /** The account of each request, in order (groups read together in one lookup). */
  async routeMany(requests: readonly RouteRequest[]): Promise<(string | null)[]> {
    const groupIds = [...new Set(requests.filter((r) => r.target.kind === 'group').map((r) => r.target.id))];
    const groupAccounts = await this.groupAccounts(groupIds);
    const privates = new Map<string, Promise<string | null>>();
    const out = requests.map((r) => {
      if (r.target.kind === 'group') return Promise.resolve(groupAccounts.get(r.target.id) ?? null);
      const key = personKey(r.target.id, r.cohortId);
      let account = privates.get(key);
      if (!account) privates.set(key, (account = this.personAccount(r.target.id, r.cohortId)));
      return account;
    });
    const accounts = await Promise.all(out);
    accounts.forEach((account, i) => {
      if (account === null) this.log.debug({ target: requests[i]!.target, cohortId: requests[i]!.cohortId }, 'no account known to serve this chat; queued on the shared outbox');
    });
    return accounts;
  }

  private fresh<T>(entry: Cached<T> | undefined): entry is Cached<T> {
    return entry !== undefined && this.now() - entry.at < this.ttlMs;
  }

  private async groupAccounts(groupIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const missing: string[] = [];
    for (const id of groupIds) {
      const hit = this.groups.get(id);
      if (this.fresh(hit)) out.set(id, hit.value);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    const readAll = this.book.allGroupAccounts?.bind(this.book);
    const read = missing.length >= ALL_GROUPS_FROM && readAll ? await this.everyGroup(readAll) : await this.book.groupAccounts(missing);
    const at = this.now();
    for (const [id, account] of read) {
      this.groups.set(id, { value: account, at });
      out.set(id, account);
    }
    return out;
  }

  /**
   * Every binding's account, read once for all lookups that start while it is on its way, and
   * kept for ROUTE_TTL_MS: the minutes of a fan-out to groups bound before bindings recorded
   * their account (absent from it) do not read every binding again for each batch. A single
   * message to such a group still reads its binding (groupAccounts), so a group bound a moment
   * ago routes at once; a large batch may send it to the shared outbox for up to ROUTE_TTL_MS.
   */
  private everyGroup(readAll: () => Promise<Map<string, string>>): Promise<Map<string, string>> {
    if (this.fresh(this.everyGroupRead ?? undefined)) return Promise.resolve(this.everyGroupRead!.value);
    if (!this.allGroups) {
      const reading = readAll();
      this.allGroups = reading;
      const done = () => {
        if (this.allGroups === reading) this.allGroups = null;
      };
      reading.then((all) => {
        this.everyGroupRead = { value: all, at: this.now() };
        done();
      }, done);
    }
    return this.allGroups;
  }

  private async cohortAccounts(cohortId: string): Promise<CohortAccount[]> {
    const hit = this.cohorts.get(cohortId);
    if (this.fresh(hit)) return hit.value;
    const accounts = await this.book.cohortAccounts(cohortId);
    if (accounts.length > 0) this.cohorts.set(cohortId, { value: accounts, at: this.now() });
    return accounts;
  }

  private async personAccount(userId: string, cohortId: string | undefined): Promise<string | null> {
    const key = personKey(userId, cohortId);
    const hit = this.people.get(key);
    if (this.fresh(hit)) return hit.value;
    const account = await this.resolvePerson(userId, cohortId);
    if (account !== null) this.people.set(key, { value: account, at: this.now() });
    return account;
  }

  private async resolvePerson(userId: string, cohortId: string | undefined): Promise<string | null> {
    const memberships = mostRecentFirst(await this.book.memberships(userId));
    // A member of the cohort named: its account on the platform the person belongs to it on.
    const inCohort = cohortId === undefined ? [] : memberships.filter((m) => m.cohortId === cohortId);
    for (const m of [...inCohort, ...memberships.filter((m) => m.cohortId !== cohortId)]) {
      const served = (await this.cohortAccounts(m.cohortId)).find((a) => a.platform === m.platform);
      if (served) return served.account;
    }
    // Nobody the rosters know (an administrator by ADMIN_IDS alone): the cohort's own account.
    return cohortId === undefined ? null : ((await this.cohortAccounts(cohortId))[0]?.account ?? null);
  }
}

const personKey = (userId: string, cohortId: string | undefined): string => `${cohortId ?? ''}|${userId}`;

/** Active memberships before past ones, each the most recently joined first. */
function mostRecentFirst(memberships: readonly RouteMembership[]): RouteMembership[] {
  return [...memberships].sort((a, b) => Number(b.active) - Number(a.active) || b.joinedAt.getTime() - a.joinedAt.getTime());
}

/** The stores a RouteBook reads, as the router needs them (any BindingStore and MemberStore fit). */
export interface RouteStores {
  bindings: {
    accountsOfGroups(groupIds: readonly string[] | null): Promise<Map<string, string>>;
    listByCohort(cohortId: string): Promise<{ platform: Platform; account?: string | undefined }[]>;
  };
  members: { listForUser(platform: Platform, userId: string): Promise<RouteMembership[]> };
}

/** The platforms a person's memberships are looked up on. */
const PLATFORMS: readonly Platform[] = ['wechaty', 'dingtalk', 'web', 'memory'];

/** A RouteBook over the stores: bindings for groups and cohorts, rosters for people. */
export function storeRouteBook(stores: RouteStores): RouteBook {
  return {
    groupAccounts: (groupIds) => stores.bindings.accountsOfGroups(groupIds),
    allGroupAccounts: () => stores.bindings.accountsOfGroups(null),
    async cohortAccounts(cohortId) {
      const bindings = await stores.bindings.listByCohort(cohortId);
      return bindings.flatMap((b) => (b.account ? [{ platform: b.platform, account: b.account }] : []));
    },
    async memberships(userId) {
      return (await Promise.all(PLATFORMS.map((p) => stores.members.listForUser(p, userId)))).flat();
    },
  };
}

/** The part of a group binding store that records which account serves a group. */
export interface GroupClaims {
  findByGroup(platform: Platform, groupId: string): Promise<{ account?: string | undefined } | null>;
  claimAccount(platform: Platform, groupId: string, account: string): Promise<boolean>;
}

/**
 * Records `account` on the binding of each group a message comes from whose binding has no
 * account yet (bound before bindings recorded one): the bot receiving the group's messages is
 * evidently in it. The binding is read from the hot state, so a group already served costs no
 * database command; a claim is written once per group and process (concurrent messages of one
 * group share it), and a binding another account claimed first is left to it.
 */
export function groupClaimer(bindings: GroupClaims, account: string, log: Pick<Logger, 'warn'>): (platform: Platform, conversation: ChatTarget) => Promise<void> {
  const inFlight = new Map<string, Promise<void>>();
  const unrecorded = (groupId: string) => (err: unknown) => log.warn({ err, groupId }, 'could not record the account serving this group; tried again with its next message');
  return async (platform, conversation) => {
    if (conversation.kind !== 'group') return;
    let binding: { account?: string | undefined } | null;
    try {
      binding = await bindings.findByGroup(platform, conversation.id);
    } catch (err) {
      // Only logged: the event itself goes on (and meets the same store, if it is down).
      unrecorded(conversation.id)(err);
      return;
    }
    if (!binding || binding.account) return;
    const key = `${platform}:${conversation.id}`;
    let claim = inFlight.get(key);
    if (!claim) {
      claim = bindings.claimAccount(platform, conversation.id, account).then(() => undefined, unrecorded(conversation.id));
      inFlight.set(key, claim);
      void claim.finally(() => inFlight.delete(key));
    }
    await claim;
  };
}
