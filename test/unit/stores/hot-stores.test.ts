import mongoose from 'mongoose';
import { HotCohortStore } from '../../../src/stores/hot/hot-stores';
import { cohortKey, HotState } from '../../../src/stores/hot/hot-state';
import { NO_FEED } from '../../../src/stores/hot/hot-change';
import type { Cohort } from '../../../src/domain/types';

// Never connected: the cohort is put in the hot state, so the store never reads the database.
const conn = mongoose.createConnection();

const kept: Cohort = {
  id: 'c1',
  code: 'ABC123',
  name: '直播电商一期',
  startDate: '2027-03-01',
  endDate: '2027-03-05',
  location: '县电商中心',
  timezone: 'Asia/Shanghai',
  createdBy: 'staff-1',
  plan: { status: 'approved', submittedAt: new Date('2027-02-20T02:00:00Z'), submittedBy: 'staff-1', decidedAt: new Date('2027-02-21T02:00:00Z'), decidedBy: 'office-1' },
  settings: { signInOpensMinutes: 30, arriveEarlyMinutes: 5, flagNotEarly: true },
  timetableFirstProvidedAt: new Date('2027-02-19T02:00:00Z'),
};

describe('HotCohortStore', () => {
  it('hands out a deep copy of the kept cohort: changing it, its plan or its dates changes nothing kept', async () => {
    const hot = new HotState(NO_FEED);
    const original = structuredClone(kept);
    await hot.read(cohortKey('cohort', kept.id), async () => kept);
    const store = new HotCohortStore(conn, hot);
    const copy = (await store.findById(kept.id))!;
    expect(copy).toEqual(original);
    copy.name = 'changed';
    copy.plan.status = 'rejected';
    copy.plan.decidedAt!.setTime(0);
    copy.settings.signInOpensMinutes = 0;
    copy.timetableFirstProvidedAt!.setTime(0);
    expect(await store.findById(kept.id)).toEqual(original);
    expect(kept).toEqual(original);
  });
});
