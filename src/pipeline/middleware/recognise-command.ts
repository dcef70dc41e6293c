import type { Middleware } from '../compose';
import type { Command } from '../command';
import { loneWord, parseCommand, prefixedWord, takesAName, wordBeforeName } from '../parse-command';
import { commandSounds, soundsLikeBareWord, suggestCommand } from '../suggest-command';

/** Prefixes that make a message a command even when its word is unknown (a `/` also starts WeChat's emoticon codes). */
const COMMAND_PREFIXES = new Set(['#', '＃']);

/**
 * Recognises a command in the message and puts it on the context; ordinary chat passes on
 * with no command. A lone `#` is 帮助. A `#word` that names no command is noted with the
 * command it most likely meant (by sound and spelling), so the sender gets a pointer instead
 * of silence; a `/word` only when something is close; a lone word that sounds exactly like
 * 签到 or 签退 (签道) likewise. Moderation still sees every message.
 */
export function recogniseCommand(commands: Command[]): Middleware {
  const byName = new Map<string, Command>();
  for (const c of commands) for (const n of [c.name, ...c.aliases]) byName.set(n.toLowerCase(), c);
  const names = [...byName.keys()];
  const primaryNames = commandSounds(commands.map((c) => c.name));
  const help = byName.get('帮助');
  return async (ctx, next) => {
    const { event } = ctx;
    if (event.type !== 'message') return next();
    const self = ctx.deps.self();
    const parsed = parseCommand(
      { text: event.text, mentions: event.mentions, mentionsBot: event.mentionsBot, botName: self.name, botId: self.id },
      names,
    );
    const def = parsed ? byName.get(parsed.name.toLowerCase()) : undefined;
    if (parsed && def) ctx.command = { def, raw: parsed.args };
    else {
      const typed = prefixedWord(event.text);
      if (typed && typed.word === '' && COMMAND_PREFIXES.has(typed.prefix) && help) {
        ctx.command = { def: help, raw: { text: '', tokens: [], lines: [], mentions: [] } };
      } else if (typed && typed.word !== '') {
        const suggestion = suggestCommand(typed.word, primaryNames);
        if (suggestion || COMMAND_PREFIXES.has(typed.prefix)) ctx.unknownCommand = { word: typed.word, suggestion };
      } else if (!typed) {
        // 签道 alone, or 签道 吴德福: a bare 签到 typed with the wrong characters gets a pointer, not silence.
        const word = loneWord(event.text);
        const meant = word ? soundsLikeBareWord(word) : null;
        if (word && meant) ctx.unknownCommand = { word, suggestion: meant };
        else {
          const named = wordBeforeName(event.text);
          const namedMeant = named ? soundsLikeBareWord(named) : null;
          if (named && namedMeant && takesAName(namedMeant)) ctx.unknownCommand = { word: named, suggestion: namedMeant };
        }
      }
    }
    await next();
  };
}
