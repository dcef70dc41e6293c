import type { ChatUser } from '../platform/chat-event';
import type { RawArgs } from './command';

/** A message recognised as addressed to a command. */
export interface ParsedCommand {
  /** The command word as the registry knows it. */
  name: string;
  args: RawArgs;
}

/** What the parser needs to know about the message beyond its text. */
export interface ParseInput {
  text: string;
  mentions: ChatUser[];
  mentionsBot: boolean;
  botName: string;
  botId: string;
}

const PREFIXES = ['#', '/', '＃', '／'];
const BARE_WORDS = new Set(['签到', '签退', '帮助']);
const TRAILING_PUNCT = /[\s!！。.~～]+$/u;
/** 签到 and 签退 may carry the sender's name, as sign-in lists in groups are written (签到 张桂兰, 签到+李建国). */
const NAMED_WORDS = new Set(['签到', '签退']);
/** The name, and a remark in brackets after it as rolls are written (签到 李建国（三组）, 签到 王芳(迟到了)). */
const SIGNED_NAME = /^[\s,，:：+＋、\-—]*(\p{Script=Han}{2,4})\s*(?:[（(][^（）()\n]{1,16}[）)])?[\s!！。.~～]*$/u;
/** Characters that make the words after 签到 a question or a remark, not a name (签到 在哪里, 签到 怎么弄, 签到 开始了). */
const NOT_A_NAME = /[吗呢么哪啥谁几没了怎什呀吧啊哦嘛否能要不]/u;

/** Whether `rest`, written after 签到 or 签退, is only a name (with punctuation, and a remark in brackets). */
function onlyAName(rest: string): boolean {
  const name = SIGNED_NAME.exec(rest)?.[1];
  return name !== undefined && !NOT_A_NAME.test(name);
}

/** A message that is one short word of Han characters alone (签道, 签退!), as a bare command word would be; null otherwise. */
export function loneWord(text: string): string | null {
  const word = text.trim().replace(TRAILING_PUNCT, '');
  return /^\p{Script=Han}{2,4}$/u.test(word) ? word : null;
}

/**
 * A two-character word followed by a name alone (签道 吴德福), as 签到 / 签退 are sent with a name:
 * the word, to be checked against those two; null otherwise.
 */
export function wordBeforeName(text: string): string | null {
  const m = /^\s*(\p{Script=Han}{2})([\s,，:：+＋、\-—].*)$/u.exec(text);
  return m && onlyAName(m[2] as string) ? (m[1] as string) : null;
}

/** Whether a bare word may be followed by a name alone (签到 张桂兰). */
export function takesAName(word: string): boolean {
  return NAMED_WORDS.has(word);
}

/** Lists of command names with their lowercase forms: the parser runs on every message, a registry's names are lowercased once. */
const loweredNames = new WeakMap<readonly string[], { names: string[]; lower: string[] }>();

/** `names` lowercased, from the copy kept for that list while it still holds the same names. */
function lowercased(names: readonly string[]): string[] {
  const kept = loweredNames.get(names);
  if (kept && kept.names.length === names.length && kept.names.every((n, i) => n === names[i])) return kept.lower;
  const lower = names.map((n) => n.toLowerCase());
  loweredNames.set(names, { names: [...names], lower });
  return lower;
}

/** Removes @name mentions (with the platform's separator) from the front of a line. */
function stripLeadingMentions(text: string, names: string[]): string {
  let rest = text.trimStart();
  for (let changed = true; changed; ) {
    changed = false;
    for (const name of names) {
      const tag = `@${name}`;
      if (name && rest.startsWith(tag)) {
        rest = rest.slice(tag.length).replace(/^[\s\u2005\u2006]+/u, '');
        changed = true;
      }
    }
  }
  return rest;
}

/**
 * Recognises a command: a prefix (# / ＃ ／), or an @mention of the bot followed by a
 * command word, or the bare words 签到 / 签退 / 帮助 (签到 and 签退 also followed by a name alone:
 * 签到 张桂兰). `commandNames` holds every name and alias;
 * the longest one the text starts with wins, so arguments may follow without a space.
 * Anything else returns null and is ordinary chat.
 */
export function parseCommand(input: ParseInput, commandNames: string[]): ParsedCommand | null {
  const raw = input.text.replace(/\r\n?/g, '\n');
  const [firstLineRaw = '', ...restLines] = raw.split('\n');
  let first = stripLeadingMentions(firstLineRaw, [input.botName, ...input.mentions.map((m) => m.name)]);
  const addressed = input.mentionsBot || firstLineRaw.includes(`@${input.botName}`);
  const prefix = PREFIXES.find((p) => first.startsWith(p));
  if (prefix) first = first.slice(prefix.length).trimStart();
  else if (!addressed) {
    let bare = first.trim().replace(TRAILING_PUNCT, '');
    const word = bare.slice(0, 2);
    if (NAMED_WORDS.has(word) && bare.length > 2 && onlyAName(bare.slice(2))) bare = word;
    if (!(BARE_WORDS.has(bare) && restLines.every((l) => l.trim() === ''))) return null;
    first = bare;
  }
  const lower = first.toLowerCase();
  const lowerNames = lowercased(commandNames);
  let name: string | undefined;
  for (let i = 0; i < commandNames.length; i++) {
    const candidate = commandNames[i]!;
    if (lower.startsWith(lowerNames[i]!) && (name === undefined || candidate.length > name.length)) name = candidate;
  }
  if (!name) return null;
  // An ASCII alias must end at a word boundary: "/checking" is not "/checkin".
  const after = first.slice(name.length);
  if (/^[a-z]/i.test(name) && /^[a-z0-9]/i.test(after)) return null;
  let text = stripMentionsAnywhere(after, input.mentions).trim();
  // #签到 张桂兰: the name is who signs, which the platform already says.
  if (NAMED_WORDS.has(name) && text !== '' && onlyAName(text)) text = '';
  const botMentions = new Set([input.botId]);
  return {
    name,
    args: {
      text,
      tokens: text === '' ? [] : text.split(/\s+/u),
      lines: restLines.map((l) => l.trim()).filter((l) => l !== ''),
      mentions: input.mentions.filter((m) => !botMentions.has(m.id)),
    },
  };
}

/** Removes @name tags of the mentioned people from argument text. */
function stripMentionsAnywhere(text: string, mentions: ChatUser[]): string {
  let out = text;
  for (const m of mentions) {
    if (m.name) out = out.split(`@${m.name}`).join(' ');
  }
  return out.replace(/[\u2005\u2006]/gu, ' ').replace(/\s+/gu, ' ');
}

/** The word after a command prefix that names no command (`#签道 …` → 签道), and the prefix; null when the text has no prefix. */
export function prefixedWord(text: string): { prefix: string; word: string } | null {
  const first = (text.split(/\r\n?|\n/u)[0] ?? '').trim();
  const prefix = PREFIXES.find((p) => first.startsWith(p));
  if (!prefix) return null;
  const word = first.slice(prefix.length).trimStart().split(/[\s@]/u)[0] ?? '';
  return { prefix, word };
}
