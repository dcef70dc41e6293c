import type { Command } from './pipeline/command';
import { bindCommand } from './features/cohorts/bind.command';
import { createCohortCommand } from './features/cohorts/create-cohort.command';
import { digestCommand } from './features/reporting/digest.command';
import { briefCommand, exportCommand } from './features/reporting/export.command';
import { createHelpCommand } from './pipeline/help.command';
import { grantRoleCommand } from './features/cohorts/grant-role.command';
import { approveLeaveCommand, rejectLeaveCommand, requestLeaveCommand } from './features/leave/leave.command';
import { assignHomeworkCommand, reviewCommand, showcaseCommand, submitHomeworkCommand } from './features/homework/homework.command';
import { feedbackCommand } from './features/feedback/feedback.command';
import { meCommand } from './features/points/me.command';
import { appealCommand, muteCommand, removeCommand, reviewLogCommand, undoCommand, warnCommand } from './features/moderation/moderation.command';
import { rankingCommand, recommendCommand, recordCommand } from './features/points/trainee-records.command';
import { registerCommand } from './features/registration/register.command';
import { classEndCommand, classStartCommand } from './features/cohorts/teaching-markers.command';
import { approvePlanCommand, rejectPlanCommand, submitPlanCommand } from './features/cohorts/plan.command';
import { signInCommand } from './features/attendance/sign-in.command';
import { signOutCommand } from './features/attendance/sign-out.command';
import { timetableCommand } from './features/cohorts/timetable.command';

/** Every chat command, in the order 帮助 lists them. */
export function allCommands(): Command[] {
  const list: Command[] = [
    signInCommand,
    signOutCommand,
    requestLeaveCommand,
    submitHomeworkCommand,
    feedbackCommand,
    meCommand,
    registerCommand,
    timetableCommand,
    classStartCommand,
    classEndCommand,
    assignHomeworkCommand,
    reviewCommand,
    showcaseCommand,
    recommendCommand,
    recordCommand,
    rankingCommand,
    briefCommand,
    exportCommand,
    digestCommand,
    createCohortCommand,
    bindCommand,
    grantRoleCommand,
    submitPlanCommand,
    approvePlanCommand,
    rejectPlanCommand,
    approveLeaveCommand,
    rejectLeaveCommand,
    warnCommand,
    muteCommand,
    removeCommand,
    undoCommand,
    reviewLogCommand,
    appealCommand,
  ];
  return [createHelpCommand(() => list), ...list];
}
