import { GridFSBucket, ObjectId, type Db } from 'mongodb';
import { Types, type Connection } from 'mongoose';
import type { ChatTarget } from '../chat-event';
import { connectMongo } from '../../stores/connect-mongo';
import { webGroupModel } from './models/web-group.model';
import { webMessageModel } from './models/web-message.model';
import { webPersonModel } from './models/web-person.model';

/** Someone in the web chat: a persona the page can act as (or the bot). */
export interface WebPerson {
  id: string;
  name: string;
  /** Shown beside the name in the persona switcher (工作人员, 讲师, 学员); display only, roles live in the cohort. */
  label: string;
}

/** A group chat of the web chat and who is in it. */
export interface WebGroup {
  id: string;
  title: string;
  memberIds: string[];
}

/** A file carried by a message: an image shown inline, or a download. */
export interface WebFileRef {
  id: string;
  name: string;
  kind: 'image' | 'file';
  mimeType: string;
}

/** One message as the web chat stores and shows it. */
export interface WebMessage {
  id: string;
  /** A group, or a private chat between the bot and the person whose id it carries. */
  conversation: ChatTarget;
  senderId: string;
  senderName: string;
  text: string;
  mentionIds: string[];
  file?: WebFileRef;
  /** A line the chat itself shows (someone joined, was removed). */
  notice: boolean;
  at: Date;
  fromBot: boolean;
  recalled: boolean;
  editedAt?: Date;
  boardKey?: string;
}

/** What a new message needs; the store gives it an id. */
export type NewWebMessage = Omit<WebMessage, 'id' | 'recalled' | 'editedAt'>;

/** A stored file's bytes. */
export interface WebFile {
  name: string;
  mimeType: string;
  data: Buffer;
}

interface MessageDoc {
  _id: Types.ObjectId;
  conversationKind: string;
  conversationId: string;
  senderId: string;
  senderName: string;
  text?: string | null;
  mentionIds?: string[] | null;
  file?: { id?: string | null; name?: string | null; kind?: string | null; mimeType?: string | null } | null;
  notice?: boolean | null;
  at: Date;
  fromBot?: boolean | null;
  recalled?: boolean | null;
  editedAt?: Date | null;
  boardKey?: string | null;
}

function toMessage(d: MessageDoc): WebMessage {
  const m: WebMessage = {
    id: String(d._id),
    conversation: { kind: d.conversationKind === 'group' ? 'group' : 'private', id: d.conversationId },
    senderId: d.senderId,
    senderName: d.senderName,
    text: d.text ?? '',
    mentionIds: [...(d.mentionIds ?? [])],
    notice: d.notice ?? false,
    at: d.at,
    fromBot: d.fromBot ?? false,
    recalled: d.recalled ?? false,
  };
  if (d.file?.id) {
    m.file = { id: d.file.id, name: d.file.name ?? '', kind: d.file.kind === 'image' ? 'image' : 'file', mimeType: d.file.mimeType ?? 'application/octet-stream' };
  }
  if (d.editedAt) m.editedAt = d.editedAt;
  if (d.boardKey) m.boardKey = d.boardKey;
  return m;
}

/**
 * The web chat's own data in MongoDB, as a real platform keeps its users, groups and history:
 * people and groups keep their ids across restarts (so the bot's records, exports and digests
 * still point at them), messages and files stay readable after a reload.
 */
export class WebChatStore {
  private readonly people;
  private readonly groups;
  private readonly messages;
  private readonly files: GridFSBucket;
  private readonly db: Db;

  private constructor(private readonly conn: Connection) {
    this.people = webPersonModel(conn);
    this.groups = webGroupModel(conn);
    this.messages = webMessageModel(conn);
    this.db = conn.db as unknown as Db;
    this.files = new GridFSBucket(this.db, { bucketName: 'webchat_files' });
  }

  /** Connects its own MongoDB connection and makes sure the indexes exist. */
  static async open(uri: string): Promise<WebChatStore> {
    const conn = await connectMongo(uri);
    const store = new WebChatStore(conn);
    await Promise.all([store.people.createIndexes(), store.groups.createIndexes(), store.messages.createIndexes()]);
    return store;
  }

  async close(): Promise<void> {
    await this.conn.close();
  }

  /** Everyone, in the order they were registered. */
  async listPeople(): Promise<WebPerson[]> {
    const docs = await this.people.find().sort({ createdAt: 1, _id: 1 }).lean();
    return docs.map((d) => ({ id: d._id, name: d.name, label: d.label ?? '' }));
  }

  async findPerson(id: string): Promise<WebPerson | null> {
    const d = await this.people.findById(String(id)).lean();
    return d ? { id: d._id, name: d.name, label: d.label ?? '' } : null;
  }

  /** Registers a person, or renames and relabels one with the same id. */
  async upsertPerson(p: WebPerson): Promise<void> {
    await this.people.updateOne({ _id: String(p.id) }, { $set: { name: p.name, label: p.label } }, { upsert: true });
  }

  async listGroups(): Promise<WebGroup[]> {
    const docs = await this.groups.find().sort({ createdAt: 1, _id: 1 }).lean();
    return docs.map((d) => ({ id: d._id, title: d.title, memberIds: [...(d.memberIds ?? [])] }));
  }

  async findGroup(id: string): Promise<WebGroup | null> {
    const d = await this.groups.findById(String(id)).lean();
    return d ? { id: d._id, title: d.title, memberIds: [...(d.memberIds ?? [])] } : null;
  }

  /** Creates a group or retitles it; the members given are added to those it has. */
  async upsertGroup(g: WebGroup): Promise<void> {
    await this.groups.updateOne(
      { _id: String(g.id) },
      { $set: { title: g.title }, $addToSet: { memberIds: { $each: g.memberIds.map(String) } } },
      { upsert: true },
    );
  }

  /** Creates the group with these members unless it exists; an existing group is left as it is. */
  async ensureGroup(g: WebGroup): Promise<void> {
    await this.groups.updateOne({ _id: String(g.id) }, { $setOnInsert: { title: g.title, memberIds: g.memberIds.map(String) } }, { upsert: true });
  }

  /** Adds a member; false when they were in the group already (or there is no such group). */
  async addMember(groupId: string, personId: string): Promise<boolean> {
    const r = await this.groups.updateOne({ _id: String(groupId), memberIds: { $ne: String(personId) } }, { $push: { memberIds: String(personId) } });
    return r.modifiedCount > 0;
  }

  /** Removes a member; false when they were not in the group. */
  async removeMember(groupId: string, personId: string): Promise<boolean> {
    const r = await this.groups.updateOne({ _id: String(groupId), memberIds: String(personId) }, { $pull: { memberIds: String(personId) } });
    return r.modifiedCount > 0;
  }

  async addMessage(m: NewWebMessage): Promise<WebMessage> {
    const doc = await this.messages.create({
      conversationKind: m.conversation.kind,
      conversationId: m.conversation.id,
      senderId: m.senderId,
      senderName: m.senderName,
      text: m.text,
      mentionIds: m.mentionIds,
      file: m.file,
      notice: m.notice,
      at: m.at,
      fromBot: m.fromBot,
      boardKey: m.boardKey,
    });
    return toMessage(doc.toObject());
  }

  async findMessage(id: string): Promise<WebMessage | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const d = await this.messages.findById(new Types.ObjectId(id)).lean();
    return d ? toMessage(d) : null;
  }

  /** Changes a message's text (an edit) or takes it back (a recall); null when there is no such message. */
  async updateMessage(id: string, change: { text?: string; mentionIds?: string[]; recalled?: boolean; editedAt?: Date }): Promise<WebMessage | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const d = await this.messages.findByIdAndUpdate(new Types.ObjectId(id), { $set: change }, { returnDocument: 'after' }).lean();
    return d ? toMessage(d) : null;
  }

  /** The latest board message with this key in a conversation. */
  async findBoard(conversation: ChatTarget, boardKey: string): Promise<WebMessage | null> {
    const d = await this.messages
      .findOne({ conversationKind: conversation.kind, conversationId: String(conversation.id), boardKey: String(boardKey), recalled: false })
      .sort({ _id: -1 })
      .lean();
    return d ? toMessage(d) : null;
  }

  /** The latest `limit` messages of a conversation, oldest first. */
  async listMessages(conversation: ChatTarget, limit: number): Promise<WebMessage[]> {
    const docs = await this.messages
      .find({ conversationKind: conversation.kind, conversationId: String(conversation.id) })
      .sort({ _id: -1 })
      .limit(limit)
      .lean();
    return docs.reverse().map((d) => toMessage(d));
  }

  /** Keeps a file's bytes (GridFS, beside the chat's other data); returns its id. */
  async putFile(name: string, mimeType: string, data: Buffer): Promise<string> {
    return new Promise((resolve, reject) => {
      const upload = this.files.openUploadStream(name, { metadata: { contentType: mimeType } });
      upload.once('finish', () => resolve(String(upload.id)));
      upload.once('error', reject);
      upload.end(data);
    });
  }

  /** A stored file, or null when there is none with this id. */
  async getFile(id: string): Promise<WebFile | null> {
    if (!ObjectId.isValid(id)) return null;
    const oid = new ObjectId(id);
    const info = await this.db.collection('webchat_files.files').findOne({ _id: oid });
    if (!info) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of this.files.openDownloadStream(oid)) chunks.push(chunk as Buffer);
    const metadata = info.metadata as { contentType?: string } | undefined;
    return { name: String(info.filename), mimeType: metadata?.contentType ?? 'application/octet-stream', data: Buffer.concat(chunks) };
  }
}
