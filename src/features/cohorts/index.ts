/** Cohorts (SPEC §3.6): creation, binding, roles, plan approval, the timetable, teaching markers, members. */
import type { FeatureFactory } from '../../pipeline/feature';
import { bindCommand } from './bind.command';
import { createCohortCommand } from './create-cohort.command';
import { grantRoleCommand } from './grant-role.command';
import { memberEvents } from './member-events';
import { approvePlanCommand, rejectPlanCommand, submitPlanCommand } from './plan.command';
import { classEndCommand, classStartCommand } from './teaching-markers.command';
import { timetableCommand } from './timetable.command';

export { planApproved } from './plan-approval';
export { formatHours, hoursByDay, sessionForMarker, type DayHours } from './teaching-hours';
export { formatSessionLine } from './timetable-service';
export { COHORT_UNKNOWN, HOURS_SOURCE_NAMES, sessionNumberUnknown } from './texts';

/** The cohort's set-up commands, and members joining or leaving its groups. */
export const cohortsFeature: FeatureFactory = () => ({
  name: 'cohorts',
  commands: [
    timetableCommand,
    classStartCommand,
    classEndCommand,
    createCohortCommand,
    bindCommand,
    grantRoleCommand,
    submitPlanCommand,
    approvePlanCommand,
    rejectPlanCommand,
  ],
  inbound: [memberEvents],
});
