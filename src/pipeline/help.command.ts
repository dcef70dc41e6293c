import { z } from 'zod';
import { DEFAULT_COHORT_SETTINGS, type CohortSettings } from '../domain/types';
import { defineCommand, type Command, type RawArgs } from './command';
import { refusalFor } from './middleware/role-guard';
import { commandDetail, commandLine, GROUP_NOT_BOUND, HELP, unknownCommand } from './texts';

/** A command's one line for 帮助, with the cohort's settings where the line names them. */
function summaryOf(c: Command, settings: CohortSettings): string {
  return typeof c.summary === 'function' ? c.summary(settings) : c.summary;
}

const args = z.custom<RawArgs>().transform((raw) => ({ topic: raw.tokens[0]?.replace(/^[#/＃／]/u, '') ?? '' }));

/** 帮助 [命令]: what the sender may do here, with examples; or one command in detail. */
export function createHelpCommand(all: () => Command[]): Command {
  return defineCommand({
    name: '帮助',
    aliases: ['help'],
    summary: HELP.summary,
    usage: HELP.usage,
    examples: [HELP.example],
    allowed: 'all',
    where: 'any',
    needsCohort: false,
    args,
    async handle(ctx, { topic }) {
      const commands = all();
      // Summaries that name the cohort's minutes show the sender's cohort's, or the defaults outside one.
      const settings = ctx.cohort?.settings ?? DEFAULT_COHORT_SETTINGS;
      if (topic) {
        const c = commands.find((x) => x.name === topic || x.aliases.includes(topic.toLowerCase()));
        if (!c) {
          await ctx.reply(unknownCommand(topic));
          return;
        }
        await ctx.reply(
          commandDetail({ name: c.name, alias: c.aliases[0] ?? c.name, summary: summaryOf(c, settings), usage: c.usage, examples: c.examples ?? [], refusal: refusalFor(ctx, c) }),
        );
        return;
      }
      const mine = commands.filter((c) => refusalFor(ctx, c) === null);
      const lines = [HELP.heading, ...mine.map((c) => commandLine(c.name, summaryOf(c, settings)))];
      if (!ctx.cohort && ctx.isGroup) lines.push(GROUP_NOT_BOUND);
      lines.push(HELP.footer);
      await ctx.reply(lines.join('\n'));
    },
  });
}
