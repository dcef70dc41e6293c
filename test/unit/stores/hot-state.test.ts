import type { ChangeFeed, HotChange } from '../../../src/stores/hot/hot-change';
import { attendanceKey, cohortKey, HotState } from '../../../src/stores/hot/hot-state';
import type { Attendance } from '../../../src/domain/types';

/** Two processes' feeds joined in memory: what one publishes the other hears. */
function linkedFeeds(): { a: ChangeFeed & { published: HotChange[][] }; b: ChangeFeed & { published: HotChange[][] }; gap: () => void } {
  const listeners: Record<'a' | 'b', { on?: (c: HotChange[]) => void; gap?: () => void }> = { a: {}, b: {} };
  const make = (self: 'a' | 'b', other: 'a' | 'b') => {
    const published: HotChange[][] = [];
    return {
      published,
      publish: (changes: HotChange[]) => {
        published.push(changes);
        listeners[other].on?.(changes);
      },
      subscribe: async (on: (c: HotChange[]) => void, gap: () => void) => {
        listeners[self] = { on, gap };
      },
      close: async () => undefined,
    };
  };
  return { a: make('a', 'b'), b: make('b', 'a'), gap: () => listeners.a.gap?.() };
}

/** A listening reader and a writer that keeps nothing, on linked feeds, and a session list read that waits until resolved. */
async function readerWithSlowList() {
  const feeds = linkedFeeds();
  const reader = new HotState(feeds.a);
  await reader.listen();
  const slow = deferred<Map<string, Attendance>>();
  const reading = reader.readAttendance('s1', () => slow.promise);
  return { reader, writer: new HotState(feeds.b, { cache: false }), slow, reading };
}

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

describe('HotState', () => {
  it('loads a part once for concurrent readers and serves it from memory afterwards', async () => {
    const hot = new HotState(linkedFeeds().a);
    let loads = 0;
    const load = async () => ++loads;
    const values = await Promise.all([1, 2, 3].map(() => hot.read('c:1', load)));
    expect(values).toEqual([1, 1, 1]);
    await expect(hot.read('c:1', load)).resolves.toBe(1);
    expect(loads).toBe(1);
  });

  it("drops a part when another process announces a change to it, and only that part", async () => {
    const feeds = linkedFeeds();
    const reader = new HotState(feeds.a);
    const writer = new HotState(feeds.b, { cache: false });
    await reader.listen();
    let version = 1;
    const load = async () => version;
    await reader.read(cohortKey('members', 'k'), load);
    await reader.read(cohortKey('sessions', 'k'), async () => 'sessions v1');
    version = 2;
    writer.changed({ kind: 'cohort', cohortId: 'k', parts: ['members'] });
    await expect(reader.read(cohortKey('members', 'k'), load)).resolves.toBe(2);
    await expect(reader.read(cohortKey('sessions', 'k'), async () => 'sessions v2')).resolves.toBe('sessions v1');
  });

  it("reads a cohort's approved leave again after a leave decision, here or announced, before the listeners run", async () => {
    const feeds = linkedFeeds();
    const reader = new HotState(feeds.a);
    const writer = new HotState(feeds.b, { cache: false });
    await reader.listen();
    let approved = ['u1'];
    const load = async () => [...approved];
    const heard: string[][] = [];
    reader.onLeaveDecided((cohortId) => void reader.read(cohortKey('leave', cohortId), load).then((l) => heard.push(l)));
    await reader.read(cohortKey('leave', 'k'), load);
    approved = ['u1', 'u2'];
    await expect(reader.read(cohortKey('leave', 'k'), load)).resolves.toEqual(['u1']);
    writer.changed({ kind: 'leave-decided', cohortId: 'k' });
    approved = ['u1', 'u2', 'u3'];
    reader.changed({ kind: 'leave-decided', cohortId: 'k' });
    await new Promise((r) => setImmediate(r));
    expect(heard).toEqual([['u1', 'u2'], ['u1', 'u2', 'u3']]);
  });

  it('does not keep a load that a change overtook', async () => {
    const feeds = linkedFeeds();
    const hot = new HotState(feeds.a);
    await hot.listen();
    const slow = deferred<string>();
    const first = hot.read('c:1', () => slow.promise);
    hot.changed({ kind: 'cohort', cohortId: '1', parts: ['cohort'] });
    slow.resolve('stale');
    await expect(first).resolves.toBe('stale');
    await expect(hot.read('c:1', async () => 'fresh')).resolves.toBe('fresh');
  });

  it('adds an announced attendance record in place, and reads everything again after a gap', async () => {
    const feeds = linkedFeeds();
    const reader = new HotState(feeds.a);
    await reader.listen();
    const map = await reader.read(attendanceKey('s1'), async () => new Map<string, Attendance>());
    const record = { sessionId: 's1', platform: 'wechaty', userId: 'u1', name: '甲', status: 'on_time' } as Attendance;
    new HotState(feeds.b, { cache: false }).changed({ kind: 'attendance-record', record });
    expect(map.get('wechaty:u1')).toEqual(record);
    feeds.gap();
    let reloaded = false;
    await reader.read(attendanceKey('s1'), async () => {
      reloaded = true;
      return new Map();
    });
    expect(reloaded).toBe(true);
  });

  it('adds records announced while a session list is being read to what the read returns, and keeps that list', async () => {
    const { reader, writer, slow, reading } = await readerWithSlowList();
    const mine = { sessionId: 's1', platform: 'wechaty', userId: 'u1', name: '甲', status: 'on_time' } as Attendance;
    const theirs = { sessionId: 's1', platform: 'wechaty', userId: 'u2', name: '乙', status: 'late' } as Attendance;
    const elsewhere = { ...mine, sessionId: 's2' };
    reader.changed({ kind: 'attendance-record', record: mine });
    writer.changed({ kind: 'attendance-record', record: theirs }, { kind: 'attendance-record', record: elsewhere });
    // The read began before either record was written: it holds only what stood then.
    const stood = { ...mine, status: 'late' } as Attendance;
    slow.resolve(new Map([['wechaty:u1', stood]]));
    const list = await reading;
    expect([...list.keys()].sort()).toEqual(['wechaty:u1', 'wechaty:u2']);
    expect(list.get('wechaty:u1')).toBe(mine);
    let again = 0;
    await expect(
      reader.readAttendance('s1', async () => {
        again += 1;
        return new Map();
      }),
    ).resolves.toBe(list);
    expect(again).toBe(0);
  });

  it('still reads a session list again when its records change in bulk during the read', async () => {
    const { reader, writer, slow, reading } = await readerWithSlowList();
    writer.changed({ kind: 'attendance', sessionIds: ['s1'] });
    slow.resolve(new Map());
    await reading;
    const fresh = new Map([['wechaty:u9', { sessionId: 's1', platform: 'wechaty', userId: 'u9' } as Attendance]]);
    await expect(reader.readAttendance('s1', async () => fresh)).resolves.toBe(fresh);
  });

  it('finds the cohort of a session named by id to drop its timetable', async () => {
    const feeds = linkedFeeds();
    const reader = new HotState(feeds.a);
    await reader.listen();
    await reader.read(cohortKey('sessions', 'k'), async () => 'v1');
    reader.noteSessions('k', ['s9']);
    new HotState(feeds.b, { cache: false }).changed({ kind: 'sessions', sessionIds: ['s9'] });
    await expect(reader.read(cohortKey('sessions', 'k'), async () => 'v2')).resolves.toBe('v2');
  });

  it('trusts a part only up to its age limit', async () => {
    let now = 0;
    const hot = new HotState(linkedFeeds().a, { maxAgeMs: 1000, now: () => now });
    await hot.read('c:1', async () => 'old');
    now = 1500;
    await expect(hot.read('c:1', async () => 'new')).resolves.toBe('new');
  });

  it('reads a part in use again in the background near its age limit, serving the kept value meanwhile', async () => {
    let now = 0;
    const hot = new HotState(linkedFeeds().a, { maxAgeMs: 1000, now: () => now });
    await hot.read('c:1', async () => 'v1');
    const slow = deferred<string>();
    let loads = 0;
    const load = () => {
      loads += 1;
      return slow.promise;
    };
    now = 500;
    await expect(hot.read('c:1', load)).resolves.toBe('v1');
    expect(loads).toBe(0);
    now = 800;
    await expect(hot.read('c:1', load)).resolves.toBe('v1');
    await expect(hot.read('c:1', load)).resolves.toBe('v1');
    expect(loads).toBe(1);
    slow.resolve('v2');
    await new Promise((r) => setImmediate(r));
    now = 1500;
    await expect(hot.read('c:1', load)).resolves.toBe('v2');
    expect(loads).toBe(1);
  });

  it('keeps a sign-in announced during the background read of a kept attendance list', async () => {
    let now = 0;
    const feeds = linkedFeeds();
    const hot = new HotState(feeds.a, { maxAgeMs: 1000, now: () => now });
    await hot.listen();
    await hot.readAttendance('s1', async () => new Map());
    now = 900;
    const slow = deferred<Map<string, Attendance>>();
    await hot.readAttendance('s1', () => slow.promise);
    const record = { sessionId: 's1', platform: 'wechaty', userId: 'u7', name: '庚', status: 'on_time' } as Attendance;
    new HotState(feeds.b, { cache: false }).changed({ kind: 'attendance-record', record });
    slow.resolve(new Map());
    await new Promise((r) => setImmediate(r));
    now = 1200;
    const list = await hot.readAttendance('s1', async () => new Map());
    expect(list.get('wechaty:u7')).toBe(record);
  });

  describe('keeping parts in use warm (keepWarmMs)', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    /** A reader keeping parts read within the last 1,000 ms warm, a writer announcing to it, and a members part that counts its loads. */
    async function warmReader() {
      let now = 0;
      const feeds = linkedFeeds();
      const reader = new HotState(feeds.a, { keepWarmMs: 1000, now: () => now });
      await reader.listen();
      const writer = new HotState(feeds.b, { cache: false });
      let version = 1;
      let loads = 0;
      const load = async () => {
        loads += 1;
        return version;
      };
      const key = cohortKey('members', 'k');
      await reader.read(key, load);
      return {
        reader,
        key,
        load,
        loads: () => loads,
        setNow: (ms: number) => (now = ms),
        /** Another process writes version `v` of the roster and announces it. */
        write: (v: number) => {
          version = v;
          writer.changed({ kind: 'cohort', cohortId: 'k', parts: ['members'] });
        },
      };
    }

    it("reads a part in use again in the background when another process's change drops it, once for a burst of changes", async () => {
      const w = await warmReader();
      w.write(2);
      w.write(3);
      await jest.advanceTimersByTimeAsync(1000);
      expect(w.loads()).toBe(2);
      // The next message finds the new roster kept: no read of its own.
      await expect(w.reader.read(w.key, w.load)).resolves.toBe(3);
      expect(w.loads()).toBe(2);
    });

    it('leaves a part unread once nothing has read it for keepWarmMs', async () => {
      const w = await warmReader();
      w.setNow(1500);
      w.write(2);
      await jest.advanceTimersByTimeAsync(1000);
      expect(w.loads()).toBe(1);
      await expect(w.reader.read(w.key, w.load)).resolves.toBe(2);
      expect(w.loads()).toBe(2);
    });

    it('does not read again what it was never asked to keep warm', async () => {
      const feeds = linkedFeeds();
      const reader = new HotState(feeds.a);
      await reader.listen();
      let loads = 0;
      await reader.read(cohortKey('members', 'k'), async () => ++loads);
      new HotState(feeds.b, { cache: false }).changed({ kind: 'cohort', cohortId: 'k', parts: ['members'] });
      await jest.advanceTimersByTimeAsync(1000);
      expect(loads).toBe(1);
    });

    it('stops its pending reads when closed', async () => {
      const w = await warmReader();
      w.write(2);
      await w.reader.close();
      await jest.advanceTimersByTimeAsync(1000);
      expect(w.loads()).toBe(1);
    });
  });

  it('without caching reads the database every time and still announces its writes', async () => {
    const feeds = linkedFeeds();
    const hot = new HotState(feeds.b, { cache: false });
    let loads = 0;
    await hot.read('c:1', async () => ++loads);
    await hot.read('c:1', async () => ++loads);
    expect(loads).toBe(2);
    hot.changed({ kind: 'binding', platform: 'wechaty', groupId: 'g' });
    expect(feeds.b.published).toEqual([[{ kind: 'binding', platform: 'wechaty', groupId: 'g' }]]);
  });
});
