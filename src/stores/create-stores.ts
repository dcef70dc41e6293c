import type { Connection } from 'mongoose';
import { AttendanceStore } from './attendance-store';
import { BindingStore } from './binding-store';
import { CohortStore } from './cohort-store';
import { LeaveStore } from './leave-store';
import { MemberStore } from './member-store';
import { RegistrationStore } from './registration-store';
import { SessionStore } from './session-store';

/** Every store the services use, built on one connection. */
export interface Stores {
  cohorts: CohortStore;
  bindings: BindingStore;
  members: MemberStore;
  sessions: SessionStore;
  attendance: AttendanceStore;
  leave: LeaveStore;
  registrations: RegistrationStore;
}

/** Builds the stores and makes sure their indexes exist (the indexes carry the invariants). */
export async function createStores(conn: Connection): Promise<Stores> {
  const stores: Stores = {
    cohorts: new CohortStore(conn),
    bindings: new BindingStore(conn),
    members: new MemberStore(conn),
    sessions: new SessionStore(conn),
    attendance: new AttendanceStore(conn),
    leave: new LeaveStore(conn),
    registrations: new RegistrationStore(conn),
  };
  await Promise.all(Object.values(conn.models).map((m) => m.createIndexes()));
  return stores;
}
