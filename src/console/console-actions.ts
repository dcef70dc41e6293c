import { createHash } from 'node:crypto';
import type { Cohort } from '../domain/types';
import { isAppError } from '../kernel/app-error';
import type { ChatEvent, ChatTarget, OutgoingMessage } from '../platform/chat-event';
import type { BotDeps } from '../pipeline/bot-deps';
import { ChatContext, hasCohort, type Command, type RawArgs } from '../pipeline/chat-context';
import { refusalFor } from '../pipeline/middleware/role-guard';
import { formatRefusal } from '../pipeline/texts';
import type { ConsoleDeps } from './console-deps';
import { rolesIn, type Viewer } from './viewer';

/** How a console action came out: whether it took effect, and what the chat would have answered the actor. */
export interface ActionResult {
  ok: boolean;
  messages: string[];
}

/** The BotDeps a chat command needs, from the console's: sends go through the outbox. */
export function botDepsFor(deps: ConsoleDeps): BotDeps {
  return {
    config: deps.config,
    scoring: deps.scoring,
    stores: deps.stores,
    redis: deps.redis,
    clock: deps.clock,
    log: deps.log,
    outbound: { send: (target, message) => deps.outbox.enqueue(target, message, `console-${createHash('sha256').update(`${target.kind}|${target.id}|${message.text}`).digest('hex').slice(0, 32)}`) },
    scheduler: deps.scheduler,
    self: () => ({ id: 'console', name: deps.config.BOT_NAME }),
    detector: { scan: () => ({ flagged: false, categories: [], matches: [] }) },
  };
}

/**
 * Runs a chat command for the viewer in one cohort, as if they had sent it to the bot
 * privately: the same role check, argument schema and handler, so a console action has the
 * same effect as in chat. What the command says to the viewer comes back as the result (shown
 * on the page); everything else (the trainee privately, the group) goes through the outbox, to
 * the account serving the cohort, under job ids derived from `actionKey`, so a repeated request
 * sends nothing twice.
 */
export async function runAsViewer(
  deps: ConsoleDeps,
  commands: readonly Command[],
  viewer: Viewer,
  cohort: Cohort,
  commandName: string,
  argsText: string,
  actionKey: string,
): Promise<ActionResult> {
  const def = commands.find((c) => c.name === commandName);
  if (!def) throw new Error(`console action: no command ${commandName}`);
  const messages: string[] = [];
  let n = 0;
  const keyHash = createHash('sha256').update(actionKey).digest('hex').slice(0, 32);
  const send = async (target: ChatTarget, message: OutgoingMessage) => {
    if (target.kind === 'private' && target.id === viewer.userId) {
      messages.push(message.text);
      return;
    }
    await deps.outbox.enqueue(target, message, `console-${keyHash}-${n++}`, { cohortId: cohort.id });
  };
  const now = deps.clock.now();
  const event: ChatEvent = {
    id: `console-${keyHash}`,
    platform: viewer.platform,
    type: 'message',
    conversation: { kind: 'private', id: viewer.userId },
    sender: { id: viewer.userId, name: viewer.name },
    text: `#${commandName} ${argsText}`,
    mentions: [],
    mentionsBot: false,
    timestamp: now,
    fromSelf: false,
  };
  const ctx = new ChatContext(event, { ...botDepsFor(deps), outbound: { send } }, now);
  ctx.isAdmin = viewer.isAdmin;
  ctx.cohort = cohort;
  ctx.member = await deps.stores.members.find(cohort.id, viewer.platform, viewer.userId);
  for (const r of rolesIn(viewer, cohort.id)) ctx.roles.add(r);
  const refusal = refusalFor(ctx, def);
  if (refusal) return { ok: false, messages: [refusal] };
  const tokens = argsText.split(/\s+/).filter((t) => t !== '');
  const raw: RawArgs = { text: argsText.trim(), tokens, lines: [], mentions: [] };
  const parsed = def.args.safeParse(raw);
  if (!parsed.success) {
    const hint = parsed.error.issues.find((i) => /[\u4e00-\u9fff]/u.test(i.message))?.message;
    return { ok: false, messages: [formatRefusal(hint, def.usage, def.examples?.[0])] };
  }
  try {
    if (!def.needsCohort) await def.handle(ctx, parsed.data);
    else if (hasCohort(ctx)) await def.handle(ctx, parsed.data);
    return { ok: true, messages };
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { ok: false, messages: [...messages, err.userMessage] };
  }
}
