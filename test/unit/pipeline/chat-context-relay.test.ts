import pino from 'pino';
import { ChatContext } from '../../../src/pipeline/chat-context';
import type { BotDeps } from '../../../src/pipeline/bot-deps';
import type { ChatTarget, OutgoingMessage } from '../../../src/platform/chat-event';
import { chatEvent } from '../../support/chat-event';

/** A context for a group message from u1, whose deps record what is sent here and what is relayed. */
function groupContext(relayed: (target: ChatTarget) => boolean) {
  const sent: { target: ChatTarget; text: string }[] = [];
  const relays: { target: ChatTarget; text: string; key: string; cohortId: string | undefined }[] = [];
  const deps = {
    log: pino({ level: 'silent' }),
    outbound: { send: async (target: ChatTarget, message: OutgoingMessage) => void sent.push({ target, text: message.text }) },
    relay: async (target: ChatTarget, message: OutgoingMessage, key: string, cohortId: string | undefined) => {
      relays.push({ target, text: message.text, key, cohortId });
      return relayed(target);
    },
  } as unknown as BotDeps;
  const ctx = new ChatContext(chatEvent({ text: '#提交方案', mentionsBot: true }), deps, new Date());
  ctx.cohort = { id: 'c1' } as ChatContext['cohort'];
  return { ctx, sent, relays };
}

describe('ChatContext.send: a chat another bot account serves gets the message through that account', () => {
  it('answers the group and the sender here without asking where they are served', async () => {
    const { ctx, sent, relays } = groupContext(() => true);
    await ctx.reply('收到');
    await ctx.send({ kind: 'private', id: 'u1' }, { text: '你的记录' });
    expect(sent.map((s) => s.target)).toEqual([
      { kind: 'group', id: 'g1' },
      { kind: 'private', id: 'u1' },
    ]);
    expect(relays).toEqual([]);
  });

  it('hands a notice for someone served elsewhere to the relay, once, with the cohort and phones masked', async () => {
    const { ctx, sent, relays } = groupContext((t) => t.id === 'admin-on-dingtalk');
    await ctx.send({ kind: 'private', id: 'admin-on-dingtalk' }, { text: '有新方案，联系 13800001111' });
    await ctx.send({ kind: 'private', id: 'admin-here' }, { text: '有新方案' });
    expect(relays.map((r) => [r.target.id, r.cohortId])).toEqual([
      ['admin-on-dingtalk', 'c1'],
      ['admin-here', 'c1'],
    ]);
    expect(relays[0]!.text).not.toContain('13800001111');
    // Relayed: not also sent here. Not relayed: sent here.
    expect(sent.map((s) => s.target.id)).toEqual(['admin-here']);
  });

  it('keys a relayed message by the event and the message, so a handler run again queues it once', async () => {
    const a = groupContext(() => true);
    const b = groupContext(() => true);
    await a.ctx.send({ kind: 'private', id: 'x' }, { text: '通知' });
    await b.ctx.send({ kind: 'private', id: 'x' }, { text: '通知' });
    await b.ctx.send({ kind: 'private', id: 'y' }, { text: '通知' });
    expect(a.relays[0]!.key).toBe(b.relays[0]!.key);
    expect(b.relays[1]!.key).not.toBe(b.relays[0]!.key);
  });
});
