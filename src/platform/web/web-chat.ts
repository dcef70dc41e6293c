import { randomBytes } from 'node:crypto';
import type { ChatTarget } from '../chat-event';
import { boardKeyOf } from './board-key';
import { resolveMentions } from './resolve-mentions';
import type { WebChatStore, WebFileRef, WebGroup, WebMessage, WebPerson } from './web-chat-store';

/** What the page is told as it happens (over the WebSocket). */
export type WebChatUpdate =
  | { type: 'message'; message: WebMessage }
  | { type: 'update'; message: WebMessage; reason: 'edited' | 'recalled' }
  | { type: 'directory' };

/** What the web chat tells its platform adapter: members' messages and people joining or leaving groups. */
export interface WebChatInbound {
  message(message: WebMessage): void;
  members(type: 'member_joined' | 'member_left', groupId: string, people: WebPerson[], at: Date): void;
}

/** A request the web chat refuses (unknown person or group, not a member, empty message). */
export class WebChatError extends Error {
  constructor(
    /** Stable code, e.g. 'WEB_NOT_A_MEMBER'. */
    readonly code: string,
    message: string,
    /** The HTTP status the page is answered with. */
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
    this.name = 'WebChatError';
  }
}

/** A file a member uploads or the bot sends. */
export interface WebUpload {
  name: string;
  mimeType: string;
  data: Buffer;
}

const IMAGE_NAME = /\.(png|jpe?g|gif|webp)$/i;

/**
 * The built-in web chat itself, the platform the web adapter connects to: people, groups,
 * messages and files (kept in a WebChatStore), who may say what where, and live updates to
 * every open page. Members' messages and membership changes go to the inbound side (the
 * adapter); the bot speaks through `botSay`/`botSendFile`. It knows nothing of cohorts.
 */
export class WebChat {
  private readonly listeners = new Set<(update: WebChatUpdate) => void>();
  private inbound: WebChatInbound | null = null;

  constructor(
    readonly store: WebChatStore,
    /** The bot's own account in the chat. */
    readonly self: WebPerson,
    private readonly clock: { now(): Date },
  ) {}

  /** Where members' messages and membership changes go; the adapter sets it when it starts. */
  connect(inbound: WebChatInbound | null): void {
    this.inbound = inbound;
  }

  /** Calls `listener` with every update until the returned function is called. */
  subscribe(listener: (update: WebChatUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(update: WebChatUpdate): void {
    for (const listener of this.listeners) listener(update);
  }

  /** The chat's clock (a simulated one in a fast demo). */
  now(): Date {
    return this.clock.now();
  }

  private async requirePerson(id: string): Promise<WebPerson> {
    if (id === this.self.id) return this.self;
    const person = await this.store.findPerson(id);
    if (!person) throw new WebChatError('WEB_UNKNOWN_PERSON', `no person ${id} in the web chat`, 404);
    return person;
  }

  private async requireGroup(id: string): Promise<WebGroup> {
    const group = await this.store.findGroup(id);
    if (!group) throw new WebChatError('WEB_UNKNOWN_GROUP', `no group ${id} in the web chat`, 404);
    return group;
  }

  /** Names of the group's members (the bot's too), for @mentions and the member list. */
  async membersOf(groupId: string): Promise<WebPerson[]> {
    const group = await this.requireGroup(groupId);
    const people = new Map((await this.store.listPeople()).map((p) => [p.id, p]));
    people.set(this.self.id, this.self);
    return group.memberIds.flatMap((id) => {
      const p = people.get(id);
      return p ? [p] : [];
    });
  }

  /**
   * A member says something: in a group they belong to, or privately to the bot (the
   * conversation id of a private chat is the member's own id). Stored, shown on every open
   * page, then handed to the adapter.
   */
  async post(input: { from: string; conversation: ChatTarget; text: string; mentionIds?: string[]; file?: WebUpload }): Promise<WebMessage> {
    const sender = await this.requirePerson(input.from);
    if (sender.id === this.self.id) throw new WebChatError('WEB_NOT_AS_BOT', 'the page cannot speak as the bot');
    const text = input.text.trim();
    if (!text && !input.file) throw new WebChatError('WEB_EMPTY', 'an empty message');
    let mentionIds: string[] = [];
    if (input.conversation.kind === 'group') {
      const group = await this.requireGroup(input.conversation.id);
      if (!group.memberIds.includes(sender.id)) throw new WebChatError('WEB_NOT_A_MEMBER', `${sender.id} is not in group ${group.id}`);
      mentionIds = resolveMentions(text, await this.membersOf(group.id), input.mentionIds);
    } else if (input.conversation.id !== sender.id) {
      throw new WebChatError('WEB_NOT_YOUR_CHAT', 'a private chat is between the bot and its member');
    }
    const file = input.file ? await this.keepFile(input.file) : undefined;
    const message = await this.store.addMessage({
      conversation: { kind: input.conversation.kind, id: input.conversation.id },
      senderId: sender.id,
      senderName: sender.name,
      text,
      mentionIds,
      file,
      notice: false,
      at: this.now(),
      fromBot: false,
    });
    this.publish({ type: 'message', message });
    this.inbound?.message(message);
    return message;
  }

  private async keepFile(file: WebUpload): Promise<WebFileRef> {
    const id = await this.store.putFile(file.name, file.mimeType, file.data);
    const image = file.mimeType.startsWith('image/') || IMAGE_NAME.test(file.name);
    return { id, name: file.name, kind: image ? 'image' : 'file', mimeType: file.mimeType };
  }

  private async requireTarget(target: ChatTarget): Promise<void> {
    if (target.kind === 'group') await this.requireGroup(target.id);
    else await this.requirePerson(target.id);
  }

  /**
   * The bot says something. A board the bot re-sends (see boardKeyOf) replaces its latest
   * copy in the same group, which every page shows as an edit in place.
   */
  async botSay(target: ChatTarget, text: string, mentionIds: string[] = []): Promise<WebMessage> {
    await this.requireTarget(target);
    const boardKey = target.kind === 'group' ? boardKeyOf(text) : undefined;
    if (boardKey) {
      const board = await this.store.findBoard(target, boardKey);
      const edited = board ? await this.store.updateMessage(board.id, { text, mentionIds, editedAt: this.now() }) : null;
      if (edited) {
        this.publish({ type: 'update', message: edited, reason: 'edited' });
        return edited;
      }
    }
    const message = await this.store.addMessage({
      conversation: { kind: target.kind, id: target.id },
      senderId: this.self.id,
      senderName: this.self.name,
      text,
      mentionIds,
      notice: false,
      at: this.now(),
      fromBot: true,
      boardKey,
    });
    this.publish({ type: 'message', message });
    return message;
  }

  /** The bot sends a file: an image shows in the chat, anything else as a download. */
  async botSendFile(target: ChatTarget, file: WebUpload): Promise<WebMessage> {
    await this.requireTarget(target);
    const message = await this.store.addMessage({
      conversation: { kind: target.kind, id: target.id },
      senderId: this.self.id,
      senderName: this.self.name,
      text: '',
      mentionIds: [],
      file: await this.keepFile(file),
      notice: false,
      at: this.now(),
      fromBot: true,
    });
    this.publish({ type: 'message', message });
    return message;
  }

  /** Takes a message back; false when there is no such message or it was taken back already. */
  async recall(messageId: string): Promise<boolean> {
    const existing = await this.store.findMessage(messageId);
    if (!existing || existing.recalled || existing.notice) return false;
    const message = await this.store.updateMessage(messageId, { recalled: true });
    if (!message) return false;
    this.publish({ type: 'update', message, reason: 'recalled' });
    return true;
  }

  /** Registers a person and adds them to `groupId` as a newcomer (the bot is told, as on a real platform). */
  async join(input: { name: string; label?: string; id?: string; groupId: string }): Promise<WebPerson> {
    const group = await this.requireGroup(input.groupId);
    const person: WebPerson = { id: input.id ?? `web-${randomBytes(5).toString('hex')}`, name: input.name.trim(), label: input.label ?? '' };
    if (!person.name) throw new WebChatError('WEB_EMPTY', 'a person needs a name');
    if (person.id === this.self.id) throw new WebChatError('WEB_NOT_AS_BOT', 'that is the bot');
    await this.store.upsertPerson(person);
    const added = await this.store.addMember(group.id, person.id);
    this.publish({ type: 'directory' });
    if (added) {
      const at = this.now();
      await this.notice(group.id, `${person.name} 加入了群聊`, at);
      this.inbound?.members('member_joined', group.id, [person], at);
    }
    return person;
  }

  /** Removes a member from a group (what the bot's 移出 does); false when they were not in it. */
  async remove(groupId: string, personId: string): Promise<boolean> {
    const person = await this.store.findPerson(personId);
    if (!person || !(await this.store.removeMember(groupId, personId))) return false;
    const at = this.now();
    this.publish({ type: 'directory' });
    await this.notice(groupId, `${person.name} 被移出了群聊`, at);
    this.inbound?.members('member_left', groupId, [person], at);
    return true;
  }

  private async notice(groupId: string, text: string, at: Date): Promise<void> {
    const message = await this.store.addMessage({
      conversation: { kind: 'group', id: groupId },
      senderId: this.self.id,
      senderName: this.self.name,
      text,
      mentionIds: [],
      notice: true,
      at,
      fromBot: false,
    });
    this.publish({ type: 'message', message });
  }

  /**
   * Puts people and a group in place as they already are (a class group the bot was added to):
   * no join notices, no events. Used to stage the demo cohort and by tests.
   */
  async register(people: WebPerson[], group?: { id: string; title: string; memberIds: string[] }): Promise<void> {
    for (const p of people) {
      if (p.id === this.self.id) throw new WebChatError('WEB_NOT_AS_BOT', 'that is the bot');
      await this.store.upsertPerson(p);
    }
    if (group) await this.store.upsertGroup({ id: group.id, title: group.title, memberIds: [this.self.id, ...group.memberIds] });
    this.publish({ type: 'directory' });
  }
}
