import type { ChatEvent } from '../../../src/platform/chat-event';
import { cleanEvent } from '../../../src/pipeline/clean-event';
import { NAMELESS } from '../../../src/pipeline/texts';

const event = (over: Partial<ChatEvent> = {}): ChatEvent => ({
  id: 'e1',
  platform: 'wechaty',
  type: 'message',
  conversation: { kind: 'group', id: 'g1', title: '班级群' },
  sender: { id: 'u1', name: '学员甲' },
  text: '好的',
  mentions: [],
  mentionsBot: false,
  timestamp: new Date('2027-03-01T09:00:00+08:00'),
  fromSelf: false,
  ...over,
});

describe('cleanEvent', () => {
  it('takes NUL out of everything people wrote, which no PostgreSQL-backed store can keep', () => {
    const cleaned = cleanEvent(
      event({
        text: '签\u0000到',
        sender: { id: 'u1', name: '学\u0000员' },
        mentions: [{ id: 'u2', name: '\u0000乙' }],
        conversation: { kind: 'group', id: 'g1', title: '班\u0000级' },
        quote: { messageId: 'm0', text: '作\u0000业' },
      }),
    );
    expect(cleaned).toMatchObject({ text: '签到', sender: { id: 'u1', name: '学员' }, mentions: [{ id: 'u2', name: '乙' }], conversation: { title: '班级' }, quote: { messageId: 'm0', text: '作业' } });
  });

  it('names someone the platform gave no name, since every record that keeps a name needs one', () => {
    const cleaned = cleanEvent(event({ sender: { id: 'u1', name: '' }, mentions: [{ id: 'u2', name: '\u0000' }] }));
    expect([cleaned.sender.name, cleaned.mentions[0]!.name]).toEqual([NAMELESS, NAMELESS]);
  });

  it('keeps an ordinary event as it was sent', () => {
    const plain = event({ text: '今天的课很好 😀\u200b', mentions: [{ id: 'u2', name: '学员乙' }] });
    expect(cleanEvent(plain)).toEqual(plain);
  });
});
