import type { Command } from './command';
import { bindCommand } from './bind.command';
import { createCohortCommand } from './create-cohort.command';
import { createHelpCommand } from './help.command';
import { meCommand } from './me.command';
import { approvePlanCommand, rejectPlanCommand, submitPlanCommand } from './plan.command';
import { signInCommand } from './sign-in.command';
import { signOutCommand } from './sign-out.command';
import { timetableCommand } from './timetable.command';

/** Every chat command, in the order 帮助 lists them. */
export function allCommands(): Command[] {
  const list: Command[] = [
    signInCommand,
    signOutCommand,
    meCommand,
    timetableCommand,
    createCohortCommand,
    bindCommand,
    submitPlanCommand,
    approvePlanCommand,
    rejectPlanCommand,
  ];
  return [createHelpCommand(() => list), ...list];
}
