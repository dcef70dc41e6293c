import type { z } from 'zod';
import type { ChatContext } from './chat-context';
import type { ChatUser } from '../platform/chat-event';
import type { Role } from '../domain/types';

/** What the parser hands a command: the text after its name, split several ways. */
export interface RawArgs {
  /** Everything after the command word on the first line, trimmed. */
  text: string;
  /** `text` split on white space. */
  tokens: string[];
  /** The lines after the first one, trimmed, empty ones dropped. */
  lines: string[];
  /** People @mentioned, the bot excluded, in order. */
  mentions: ChatUser[];
}

/** Who may run a command: roles, or everyone. */
export type Allowed = Role[] | 'all';

/** One chat command: its names, argument schema, who may run it and its handler. */
export interface Command<A = unknown> {
  name: string;
  aliases: string[];
  /** One line for 帮助. */
  summary: string;
  /** The right form, shown when arguments are malformed. */
  usage: string;
  examples?: string[];
  allowed: Allowed;
  /** Where it can be used. */
  where: 'group' | 'private' | 'any';
  /** Whether it needs the group (or the sender) to belong to a cohort. */
  needsCohort: boolean;
  args: z.ZodType<A, RawArgs>;
  /** The arguments carry a phone number on purpose (登记), so moderation does not read it as solicitation. */
  carriesPhoneNumber?: boolean;
  handle(ctx: ChatContext, args: A): Promise<void>;
}

/** Erases a command's argument type so commands can sit in one list. */
export function defineCommand<A>(command: Command<A>): Command<unknown> {
  return command;
}
