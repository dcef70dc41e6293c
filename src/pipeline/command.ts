import type { Command } from './chat-context';

export type { Allowed, Command, RawArgs } from './chat-context';

/** Erases a command's argument type so commands can sit in one list. */
export function defineCommand<A>(command: Command<A>): Command<unknown> {
  return command;
}
