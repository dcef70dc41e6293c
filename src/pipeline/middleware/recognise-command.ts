import type { Middleware } from '../compose';
import type { Command } from '../command';
import { parseCommand } from '../parse-command';

/**
 * Recognises a command in the message and puts it on the context; ordinary chat passes on
 * with no command.
 */
export function recogniseCommand(commands: Command[]): Middleware {
  const byName = new Map<string, Command>();
  for (const c of commands) for (const n of [c.name, ...c.aliases]) byName.set(n.toLowerCase(), c);
  const names = [...byName.keys()];
  return async (ctx, next) => {
    const { event } = ctx;
    if (event.type !== 'message') return next();
    const self = ctx.deps.self();
    const parsed = parseCommand(
      { text: event.text, mentions: event.mentions, mentionsBot: event.mentionsBot, botName: self.name, botId: self.id },
      names,
    );
    if (parsed) {
      const def = byName.get(parsed.name.toLowerCase());
      if (def) ctx.command = { def, raw: parsed.args };
    }
    await next();
  };
}
