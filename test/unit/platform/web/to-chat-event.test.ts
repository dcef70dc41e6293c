import { toChatEvent } from '../../../../src/platform/web/to-chat-event';
import type { WebMessage } from '../../../../src/platform/web/web-chat-store';

const self = { id: 'web-bot', name: '班级助手' };
const at = new Date('2027-03-01T09:00:00+08:00');

function message(over: Partial<WebMessage>): WebMessage {
  return {
    id: '65f000000000000000000001',
    conversation: { kind: 'group', id: 'web-class' },
    senderId: 'demo-trainee-1',
    senderName: '王秀英',
    text: '',
    mentionIds: [],
    notice: false,
    at,
    fromBot: false,
    recalled: false,
    ...over,
  };
}

describe('toChatEvent (web chat)', () => {
  it('carries an uploaded image as an attachment loaded on demand, as the Wechaty adapter does', async () => {
    const loads: string[] = [];
    const event = toChatEvent(message({ file: { id: 'f1', name: 'shop.png', kind: 'image', mimeType: 'image/png' } }), {
      self,
      nameOf: (id) => id,
      groupTitle: '电商直播演示班',
      loadFile: async (id) => {
        loads.push(id);
        return Buffer.from('png');
      },
    });
    expect(event).toMatchObject({ platform: 'web', type: 'message', conversation: { kind: 'group', id: 'web-class', title: '电商直播演示班' }, timestamp: at, fromSelf: false });
    expect(loads).toEqual([]);
    expect(event.attachments).toHaveLength(1);
    expect(event.attachments![0]).toMatchObject({ kind: 'image', name: 'shop.png', mimeType: 'image/png' });
    expect((await event.attachments![0]!.load()).toString()).toBe('png');
    expect(loads).toEqual(['f1']);
  });

  it('names the people it mentions and says when the bot is one of them', () => {
    const names: Record<string, string> = { 'demo-lecturer': '张老师', 'web-bot': '班级助手' };
    const event = toChatEvent(message({ text: '@班级助手 @张老师 你好', mentionIds: ['web-bot', 'demo-lecturer'] }), {
      self,
      nameOf: (id) => names[id] ?? id,
      loadFile: async () => Buffer.alloc(0),
    });
    expect(event.mentions).toEqual([
      { id: 'web-bot', name: '班级助手' },
      { id: 'demo-lecturer', name: '张老师' },
    ]);
    expect(event.mentionsBot).toBe(true);
  });

  it('is a private message in a private chat, the conversation being the member', () => {
    const event = toChatEvent(message({ conversation: { kind: 'private', id: 'demo-trainee-1' }, text: '#我的' }), { self, nameOf: (id) => id, loadFile: async () => Buffer.alloc(0) });
    expect(event.conversation).toEqual({ kind: 'private', id: 'demo-trainee-1' });
    expect(event.attachments).toEqual([]);
  });
});
