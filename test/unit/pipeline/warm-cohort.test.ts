import { CohortWarmer } from '../../../src/pipeline/warm-cohort';
import { createLogger } from '../../../src/kernel/logger';
import type { Stores } from '../../../src/stores/create-stores';

const AT = new Date('2027-03-02T00:30:00Z');

/** Stores that count the chat-path reads the warmer asks for, with one session starting at `startsAt`. */
function countingStores(startsAt: Date) {
  const reads: string[] = [];
  const note = (what: string) => async () => void reads.push(what);
  const stores = {
    bindings: { findByGroup: async (_p: string, groupId: string) => (groupId === 'g1' ? { cohortId: 'c1' } : null) },
    cohorts: { findById: note('cohort') },
    members: { listByCohort: note('members') },
    moderation: { listActiveMutes: note('mutes') },
    leave: { listApprovedForDay: note('leave') },
    cohortWords: { list: note('words') },
    sessions: {
      listOverlapping: async (_c: string, from: Date, to: Date) => {
        reads.push('sessions');
        return startsAt >= from && startsAt <= to ? [{ id: 's1', startsAt }] : [];
      },
    },
    attendance: { listBySession: async (id: string) => void reads.push(`attendance:${id}`) },
  } as unknown as Stores;
  return { stores, reads };
}

describe('CohortWarmer', () => {
  it("reads every chat-path part of the cohort, and the attendance of a session starting within two hours", async () => {
    const { stores, reads } = countingStores(new Date(AT.getTime() + 30 * 60_000));
    const warmer = new CohortWarmer(stores, createLogger('silent'));
    warmer.warm('c1', AT);
    await warmer.idle();
    expect(reads.sort()).toEqual(['attendance:s1', 'cohort', 'leave', 'members', 'mutes', 'sessions', 'words']);
  });

  it('does not read ahead the attendance of a session later in the day', async () => {
    const { stores, reads } = countingStores(new Date(AT.getTime() + 5 * 3600_000));
    const warmer = new CohortWarmer(stores, createLogger('silent'));
    warmer.warm('c1', AT);
    await warmer.idle();
    expect(reads).not.toContain('attendance:s1');
  });

  it('warms on messages at most every 30 s per cohort, and on every send to its group', async () => {
    let now = 0;
    const { stores, reads } = countingStores(new Date(AT.getTime() + 30 * 60_000));
    const warmer = new CohortWarmer(stores, createLogger('silent'), () => now);
    const rounds = () => reads.filter((r) => r === 'cohort').length;
    warmer.warm('c1', AT);
    warmer.warm('c1', AT);
    now = 29_000;
    warmer.warm('c1', AT);
    await warmer.idle();
    expect(rounds()).toBe(1);
    now = 31_000;
    warmer.warm('c1', AT);
    await warmer.idle();
    expect(rounds()).toBe(2);
    warmer.warmGroup('wechaty', 'g1', AT);
    warmer.warmGroup('wechaty', 'g1', AT);
    await warmer.idle();
    expect(rounds()).toBe(4);
  });

  it('leaves an unbound group alone', async () => {
    const { stores, reads } = countingStores(AT);
    const warmer = new CohortWarmer(stores, createLogger('silent'));
    warmer.warmGroup('wechaty', 'g-unbound', AT);
    await warmer.idle();
    expect(reads).toEqual([]);
  });
});
