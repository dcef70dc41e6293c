import type { Command } from './command';
import { bindCommand } from './bind.command';
import { createCohortCommand } from './create-cohort.command';
import { digestCommand } from './digest.command';
import { briefCommand, exportCommand } from './export.command';
import { createHelpCommand } from './help.command';
import { grantRoleCommand } from './grant-role.command';
import { approveLeaveCommand, rejectLeaveCommand, requestLeaveCommand } from './leave.command';
import { assignHomeworkCommand, reviewCommand, showcaseCommand, submitHomeworkCommand } from './homework.command';
import { feedbackCommand } from './feedback.command';
import { meCommand } from './me.command';
import { appealCommand, muteCommand, removeCommand, reviewLogCommand, undoCommand, warnCommand } from './moderation.command';
import { rankingCommand, recommendCommand, recordCommand } from './trainee-records.command';
import { registerCommand } from './register.command';
import { classEndCommand, classStartCommand } from './teaching-markers.command';
import { approvePlanCommand, rejectPlanCommand, submitPlanCommand } from './plan.command';
import { signInCommand } from './sign-in.command';
import { signOutCommand } from './sign-out.command';
import { timetableCommand } from './timetable.command';

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
