/**
 * When each attendance record became stored, seen from the bot process's MongoDB driver
 * (command monitoring; the client must be opened with monitorCommands=true): a record is
 * stored when MongoDB acknowledges the command that wrote it. Whatever way the bot writes —
 * one insert per 签到, an insertMany for many, upserts in a bulkWrite, findAndModify — the
 * driver sends an insert, update or findAndModify command on the `attendance` collection,
 * so this needs nothing from the bot's code. Nothing is queried: the watch only looks at
 * the commands the bot sends anyway.
 */
import { Types, type mongo } from 'mongoose';
import { monoMs } from './ipc';
import type { StoredRecord } from './protocol';

const COLLECTION = 'attendance';

/** One record a command in flight carries, at `index` in the command's document/update list. */
interface Pending {
  issuedAt: number;
  seq: number;
  command: string;
  items: { index: number; userId: string; sessionId: string }[];
}

type Doc = Record<string, unknown>;

/** A userId (string) or sessionId (ObjectId) as text. */
function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Types.ObjectId) return v.toHexString();
  return JSON.stringify(v) ?? '';
}

/** A record's key from a document, an update's filter or its $setOnInsert/$set. */
function keyOf(...docs: (Doc | undefined)[]): { userId: string; sessionId: string } | null {
  for (const d of docs) {
    if (d && d.userId !== undefined && d.sessionId !== undefined) return { userId: text(d.userId), sessionId: text(d.sessionId) };
  }
  return null;
}

/** Notes attendance writes and their acknowledgements, and counts every command by name. */
export class StoredWatch {
  readonly stored: StoredRecord[] = [];
  readonly commands = new Map<string, number>();
  /** The same commands by name and collection (`find leave_requests`). */
  readonly commandsByCollection = new Map<string, number>();
  private readonly pending = new Map<string, Pending>();
  private seq = 0;
  private watching = false;

  /** Listens on `client` (idempotent per client). */
  attach(client: mongo.MongoClient): void {
    const marked = client as mongo.MongoClient & { __benchStoredWatch?: boolean };
    if (marked.__benchStoredWatch) return;
    marked.__benchStoredWatch = true;
    client.on('commandStarted', (e) => {
      if (!this.watching) return;
      this.commands.set(e.commandName, (this.commands.get(e.commandName) ?? 0) + 1);
      const cmd = e.command;
      const on = cmd[e.commandName];
      const named = typeof on === 'string' ? `${e.commandName} ${on}` : e.commandName;
      this.commandsByCollection.set(named, (this.commandsByCollection.get(named) ?? 0) + 1);
      const items: Pending['items'] = [];
      if (e.commandName === 'insert' && cmd.insert === COLLECTION) {
        ((cmd.documents as Doc[] | undefined) ?? []).forEach((d, index) => {
          const key = keyOf(d);
          if (key) items.push({ index, ...key });
        });
      } else if (e.commandName === 'update' && cmd.update === COLLECTION) {
        ((cmd.updates as Doc[] | undefined) ?? []).forEach((u, index) => {
          const update = (u.u ?? {}) as Doc;
          const key = u.upsert ? keyOf(u.q as Doc, update.$setOnInsert as Doc, update.$set as Doc) : null;
          if (key) items.push({ index, ...key });
        });
      } else if (e.commandName === 'findAndModify' && cmd.findAndModify === COLLECTION && cmd.upsert) {
        const update = (cmd.update ?? {}) as Doc;
        const key = keyOf(cmd.query as Doc, update.$setOnInsert as Doc, update.$set as Doc);
        if (key) items.push({ index: 0, ...key });
      }
      if (items.length > 0) this.pending.set(`${e.connectionId}:${e.requestId}`, { issuedAt: monoMs(), seq: this.seq++, command: e.commandName, items });
    });
    client.on('commandSucceeded', (e) => {
      const id = `${e.connectionId}:${e.requestId}`;
      const p = this.pending.get(id);
      if (!p) return;
      this.pending.delete(id);
      const ackAt = monoMs();
      const reply = e.reply as Doc;
      let written: Set<number>;
      if (p.command === 'insert') {
        const failed = new Set(((reply.writeErrors as { index: number }[] | undefined) ?? []).map((w) => w.index));
        written = new Set(p.items.map((i) => i.index).filter((i) => !failed.has(i)));
      } else if (p.command === 'update') {
        written = new Set(((reply.upserted as { index: number }[] | undefined) ?? []).map((u) => u.index));
      } else {
        const last = (reply.lastErrorObject ?? {}) as Doc;
        written = new Set(last.updatedExisting === false && last.upserted !== undefined ? [0] : []);
      }
      for (const item of p.items) {
        if (!written.has(item.index)) continue;
        this.stored.push({ userId: item.userId, sessionId: item.sessionId, issuedAt: p.issuedAt, ackAt, order: p.seq * 1e6 + item.index, command: p.command });
      }
    });
    client.on('commandFailed', (e) => {
      this.pending.delete(`${e.connectionId}:${e.requestId}`);
    });
  }

  /** Starts noting (and counting) from now on. */
  start(): void {
    this.stored.length = 0;
    this.commands.clear();
    this.commandsByCollection.clear();
    this.pending.clear();
    this.watching = true;
  }
}
