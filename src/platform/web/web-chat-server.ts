import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import websocket from '@fastify/websocket';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { Logger } from '../../kernel/logger';
import { WebChatError, type WebChat, type WebChatUpdate } from './web-chat';
import type { WebMessage } from './web-chat-store';
import { WEB_PAGE } from './web-page';

/** Where and how the web chat's page is served. */
export interface WebChatServerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  chat: WebChat;
  /** The time zone the page shows times in. */
  timezone: string;
  /** How many times faster than real time the chat's clock runs (1 unless a fast demo). */
  clockSpeed: number;
  log: Logger;
}

/** A listening web chat server. */
export interface WebChatServer {
  /** The page's address, e.g. http://127.0.0.1:8080/. */
  url: string;
  close(): Promise<void>;
}

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const MAX_TEXT = 4000;
const HISTORY = 300;

const conversation = { kind: z.enum(['group', 'private']), to: z.string().min(1).max(200) };
const postBody = z.object({
  from: z.string().min(1).max(200),
  ...conversation,
  text: z.string().max(MAX_TEXT),
  mentionIds: z.array(z.string().max(200)).max(50).optional(),
});
const imageQuery = z.object({ from: z.string().min(1).max(200), ...conversation });
const historyQuery = z.object({ kind: z.enum(['group', 'private']), id: z.string().min(1).max(200), limit: z.coerce.number().int().min(1).max(HISTORY).optional() });
const person = z.object({ id: z.string().min(1).max(200).optional(), name: z.string().min(1).max(40), label: z.string().max(20).optional() });
const joinBody = person.extend({ groupId: z.string().min(1).max(200) });
const directoryBody = z.object({
  people: z.array(person.required({ id: true })).max(500),
  group: z.object({ id: z.string().min(1).max(200), title: z.string().min(1).max(60), memberIds: z.array(z.string().max(200)).max(500) }).optional(),
});

/** A message as the page reads it: a recalled one keeps only who and when. */
export function messageForPage(m: WebMessage): Record<string, unknown> {
  return {
    id: m.id,
    conversation: m.conversation,
    senderId: m.senderId,
    senderName: m.senderName,
    text: m.recalled ? '' : m.text,
    mentionIds: m.mentionIds,
    file: !m.recalled && m.file ? { name: m.file.name, kind: m.file.kind, url: `/api/files/${m.file.id}` } : null,
    notice: m.notice,
    at: m.at.toISOString(),
    fromBot: m.fromBot,
    recalled: m.recalled,
    editedAt: m.editedAt ? m.editedAt.toISOString() : null,
  };
}

function updateForPage(u: WebChatUpdate): string {
  if (u.type === 'directory') return JSON.stringify({ type: 'directory' });
  if (u.type === 'message') return JSON.stringify({ type: 'message', message: messageForPage(u.message) });
  return JSON.stringify({ type: 'update', reason: u.reason, message: messageForPage(u.message) });
}

/** True for an address only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function pageUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}/`;
}

function refuse(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).send({ error: code, message });
}

/**
 * Serves the web chat: the one page (GET /), a small JSON API the page and the tests speak
 * (state, history, say, upload an image, files, join, directory) and the live updates over a
 * WebSocket (/ws). It has no login: it binds to loopback unless WEB_HOST says otherwise.
 */
export async function startWebChatServer(options: WebChatServerOptions): Promise<WebChatServer> {
  const { chat, log } = options;
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  await app.register(websocket);
  await app.register(multipart, { limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 10 } });

  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof WebChatError) return refuse(reply, err.status, err.code, err.message);
    if (err instanceof z.ZodError) return refuse(reply, 400, 'WEB_BAD_REQUEST', err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return refuse(reply, status, (err as { code?: string }).code ?? 'WEB_BAD_REQUEST', (err as Error).message);
    log.error({ err }, 'web chat request failed');
    return refuse(reply, 500, 'WEB_INTERNAL', 'internal error');
  });

  app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(WEB_PAGE));

  app.get('/favicon.ico', async (_req, reply) => reply.code(204).send());

  app.get('/api/state', async () => {
    const [people, groups] = await Promise.all([chat.store.listPeople(), chat.store.listGroups()]);
    return {
      self: chat.self,
      people,
      groups,
      clock: { now: chat.now().toISOString(), speed: options.clockSpeed, timezone: options.timezone },
    };
  });

  app.get('/api/messages', async (req) => {
    const q = historyQuery.parse(req.query);
    const messages = await chat.store.listMessages({ kind: q.kind, id: q.id }, q.limit ?? HISTORY);
    return { messages: messages.map(messageForPage) };
  });

  app.post('/api/messages', async (req) => {
    const body = postBody.parse(req.body);
    const message = await chat.post({ from: body.from, conversation: { kind: body.kind, id: body.to }, text: body.text, mentionIds: body.mentionIds });
    return { message: messageForPage(message) };
  });

  app.post('/api/images', async (req, reply) => {
    const q = imageQuery.parse(req.query);
    const file = await req.file();
    if (!file) return refuse(reply, 400, 'WEB_NO_FILE', 'no file in the upload');
    if (!file.mimetype.startsWith('image/')) return refuse(reply, 400, 'WEB_NOT_AN_IMAGE', 'only images can be sent');
    const data = await file.toBuffer();
    const message = await chat.post({ from: q.from, conversation: { kind: q.kind, id: q.to }, text: '', file: { name: file.filename || 'image', mimeType: file.mimetype, data } });
    return { message: messageForPage(message) };
  });

  app.get<{ Params: { id: string } }>('/api/files/:id', async (req, reply) => {
    const file = await chat.store.getFile(req.params.id);
    if (!file) return refuse(reply, 404, 'WEB_NO_FILE', 'no such file');
    const inline = file.mimeType.startsWith('image/');
    return reply
      .type(file.mimeType)
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .send(file.data);
  });

  app.post('/api/people', async (req) => {
    const body = joinBody.parse(req.body);
    return { person: await chat.join({ id: body.id, name: body.name, label: body.label, groupId: body.groupId }) };
  });

  app.post('/api/directory', async (req) => {
    const body = directoryBody.parse(req.body);
    await chat.register(
      body.people.map((p) => ({ id: p.id, name: p.name, label: p.label ?? '' })),
      body.group,
    );
    return { ok: true };
  });

  app.get('/ws', { websocket: true }, (socket) => {
    const unsubscribe = chat.subscribe((update) => {
      if (socket.readyState === socket.OPEN) socket.send(updateForPage(update));
    });
    socket.on('close', unsubscribe);
    socket.on('error', unsubscribe);
  });

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = pageUrl(options.host, port);
  return {
    url,
    async close() {
      await app.close();
    },
  };
}
