import type { ChatEvent, ChatUser } from '../platform/chat-event';
import { NAMELESS } from './texts';

const NUL = String.fromCharCode(0);

const clean = (text: string): string => (text.includes(NUL) ? text.split(NUL).join('') : text);

const person = (user: ChatUser): ChatUser => {
  const name = clean(user.name);
  return name === user.name && name !== '' ? user : { ...user, name: name || NAMELESS };
};

/**
 * The event as the pipeline handles it: the NUL character taken out of everything people wrote
 * (text, names, a quoted text, the group's title, file names), since PostgreSQL behind FerretDB
 * refuses \u0000 in a stored string and the message failed at its first write; and a display
 * name the platform left empty shown as NAMELESS, since every record that keeps a name needs
 * one. Everything else is kept as sent.
 */
export function cleanEvent(event: ChatEvent): ChatEvent {
  const cleaned: ChatEvent = {
    ...event,
    text: clean(event.text),
    sender: person(event.sender),
    mentions: event.mentions.map(person),
    conversation: event.conversation.title === undefined ? event.conversation : { ...event.conversation, title: clean(event.conversation.title) },
  };
  if (event.members) cleaned.members = event.members.map(person);
  if (event.quote) cleaned.quote = event.quote.text === undefined ? event.quote : { ...event.quote, text: clean(event.quote.text) };
  if (event.attachments) cleaned.attachments = event.attachments.map((a) => (a.name.includes(NUL) ? { ...a, name: clean(a.name) } : a));
  return cleaned;
}
