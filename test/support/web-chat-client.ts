/**
 * A client of the built-in web chat that speaks its real transport, as the page does: the JSON
 * API over HTTP to register people and say things, the WebSocket for what everyone sees.
 */
import WebSocket from 'ws';

/** A message as the page receives it. */
export interface PageMessage {
  id: string;
  conversation: { kind: 'group' | 'private'; id: string };
  senderId: string;
  senderName: string;
  text: string;
  mentionIds: string[];
  file: { name: string; kind: 'image' | 'file'; url: string } | null;
  notice: boolean;
  at: string;
  fromBot: boolean;
  recalled: boolean;
  editedAt: string | null;
}

/** One live update from /ws: a new message, or an edit or recall of one. */
export interface PageUpdate {
  type: 'message' | 'update';
  reason?: 'edited' | 'recalled';
  message: PageMessage;
}

/** A connected client. */
export interface WebChatClient {
  url: string;
  /** Every message update received over the WebSocket, oldest first. */
  updates: PageUpdate[];
  register(people: { id: string; name: string; label?: string }[], group?: { id: string; title: string; memberIds: string[] }): Promise<void>;
  say(from: string, to: { kind: 'group' | 'private'; id: string }, text: string, mentionIds?: string[]): Promise<PageMessage>;
  sendImage(from: string, to: { kind: 'group' | 'private'; id: string }, name: string, data: Buffer): Promise<PageMessage>;
  history(where: { kind: 'group' | 'private'; id: string }): Promise<PageMessage[]>;
  waitFor(check: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

async function call<T>(url: string, init: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const body = (await res.json()) as T & { message?: string };
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${body.message ?? ''}`);
  return body;
}

/** Connects to the web chat at `url` (its page address) and listens on its WebSocket. */
export async function connectWebChat(url: string): Promise<WebChatClient> {
  const base = url.replace(/\/$/, '');
  const updates: PageUpdate[] = [];
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/ws`);
  ws.on('message', (data: Buffer) => {
    const u = JSON.parse(data.toString()) as PageUpdate | { type: 'directory' };
    if (u.type !== 'directory') updates.push(u);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return {
    url,
    updates,
    async register(people, group) {
      await call(`${base}/api/directory`, json({ people, group }));
    },
    async say(from, to, text, mentionIds) {
      return (await call<{ message: PageMessage }>(`${base}/api/messages`, json({ from, kind: to.kind, to: to.id, text, mentionIds }))).message;
    },
    async sendImage(from, to, name, data) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(data)], { type: 'image/png' }), name);
      const q = new URLSearchParams({ from, kind: to.kind, to: to.id });
      return (await call<{ message: PageMessage }>(`${base}/api/images?${q.toString()}`, { method: 'POST', body: form })).message;
    },
    async history(where) {
      const q = new URLSearchParams({ kind: where.kind, id: where.id });
      return (await call<{ messages: PageMessage[] }>(`${base}/api/messages?${q.toString()}`, { method: 'GET' })).messages;
    },
    async waitFor(check, what, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async close() {
      if (ws.readyState === WebSocket.CLOSED) return;
      await new Promise<void>((resolve) => {
        ws.once('close', () => resolve());
        ws.close();
      });
    },
  };
}

/** A 1×1 PNG, for uploads. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
