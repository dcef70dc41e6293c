import { approvedLeaveFor, approvedLeaveForHomework, excusedFrom, excusedFromHomework, leaveCovers, leaveCoversDay, missingStatus, type LeaveLike } from '../../../../src/features/leave';

const D1 = '2027-03-01';
const D2 = '2027-03-02';
const AM = { id: 'am', day: D1 };
const PM = { id: 'pm', day: D1 };
const NEXT_AM = { id: 'next-am', day: D2 };

const leave = (over: Partial<LeaveLike> = {}): LeaveLike => ({ userId: 'u1', day: D1, status: 'approved', ...over });

describe('leaveCovers: what approved leave excuses (SPEC §3.2)', () => {
  it('lets whole-day leave cover every session of that day', () => {
    expect([leaveCovers(leave(), AM), leaveCovers(leave(), PM)]).toEqual([true, true]);
  });

  it('lets leave for one session cover that session only', () => {
    const amOnly = leave({ sessionId: 'am' });
    expect([leaveCovers(amOnly, AM), leaveCovers(amOnly, PM)]).toEqual([true, false]);
  });

  it('lets pending or rejected leave cover nothing', () => {
    for (const status of ['pending', 'rejected'] as const) {
      expect([leaveCovers(leave({ status }), AM), leaveCovers(leave({ status, sessionId: 'am' }), AM)]).toEqual([false, false]);
    }
  });

  it("lets another day's leave cover nothing, even naming the same session id", () => {
    expect([leaveCovers(leave({ day: D2 }), AM), leaveCovers(leave({ day: D2, sessionId: 'am' }), AM), leaveCovers(leave(), NEXT_AM)]).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe('excusedFrom and missingStatus read the same rule per trainee', () => {
  const leaves: LeaveLike[] = [
    leave({ userId: 'whole-day' }),
    leave({ userId: 'am-only', sessionId: 'am' }),
    leave({ userId: 'pending', status: 'pending' }),
    leave({ userId: 'other-day', day: D2 }),
  ];

  it('excuses from the afternoon only the trainee on whole-day leave', () => {
    expect([...excusedFrom(leaves, PM)]).toEqual(['whole-day']);
    expect([...excusedFrom(leaves, AM)].sort()).toEqual(['am-only', 'whole-day']);
  });

  it("marks a missing trainee absent unless their own approved leave covers the session", () => {
    expect(['whole-day', 'am-only', 'pending', 'other-day', 'nobody'].map((u) => missingStatus(leaves, PM, u))).toEqual([
      'leave',
      'absent',
      'absent',
      'absent',
      'absent',
    ]);
    expect(missingStatus(leaves, AM, 'am-only')).toBe('leave');
  });

  it("reads the session's day of approved leave and keeps only whom it covers", async () => {
    const asked: [string, string][] = [];
    const stores = {
      leave: {
        listApprovedForDay: async (cohortId: string, day: string) => {
          asked.push([cohortId, day]);
          return leaves.filter((l) => l.status === 'approved' && l.day === day).map((l) => ({ ...l, id: l.userId }));
        },
      },
    } as unknown as Parameters<typeof approvedLeaveFor>[0];
    expect([...(await approvedLeaveFor(stores, 'c1', PM))]).toEqual(['whole-day']);
    expect(asked).toEqual([['c1', D1]]);
  });
});

describe('leaveCoversDay: approved leave excuses the homework of the day it covers whole (SPEC §3.2, §3.3)', () => {
  const sessions = [
    { ...AM, cancelled: false },
    { ...PM, cancelled: false },
    { id: 'evening', day: D1, cancelled: true },
    { ...NEXT_AM, cancelled: false },
  ];

  it('excuses on whole-day leave, and on session leave that covers every held session of the day', () => {
    expect(leaveCoversDay([leave()], 'u1', D1, sessions)).toBe(true);
    // The cancelled evening session needs no leave.
    expect(leaveCoversDay([leave({ sessionId: 'am' }), leave({ sessionId: 'pm' })], 'u1', D1, sessions)).toBe(true);
  });

  it('does not excuse on leave for part of the day, pending leave, another day or another trainee', () => {
    expect(leaveCoversDay([leave({ sessionId: 'am' })], 'u1', D1, sessions)).toBe(false);
    expect(leaveCoversDay([leave({ status: 'pending' })], 'u1', D1, sessions)).toBe(false);
    expect(leaveCoversDay([leave({ day: D2 })], 'u1', D1, sessions)).toBe(false);
    expect(leaveCoversDay([leave({ userId: 'u2' })], 'u1', D1, sessions)).toBe(false);
  });

  it('gives the trainees a homework excuses, reading the approved leave and sessions of its day', async () => {
    const leaves = [leave({ userId: 'whole' }), leave({ userId: 'half', sessionId: 'am' }), leave({ userId: 'next', day: D2 })];
    expect([...excusedFromHomework(leaves, { day: D1 }, sessions)]).toEqual(['whole']);
    const stores = {
      leave: { listApprovedForDay: async (_c: string, day: string) => leaves.filter((l) => l.day === day) },
      sessions: { listByCohort: async () => sessions },
    } as unknown as Parameters<typeof approvedLeaveForHomework>[0];
    expect([...(await approvedLeaveForHomework(stores, { cohortId: 'c1', day: D2 }))]).toEqual(['next']);
  });
});
