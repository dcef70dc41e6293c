import type { ChatEvent } from '../../src/platform/chat-event';

/** A WeChat text message from u1 in group g1, sent now, with the fields a test cares about overridden. */
export function chatEvent(overrides: Partial<ChatEvent> = {}): ChatEvent {
  return {
    id: 'e1',
    platform: 'wechaty',
    type: 'message',
    conversation: { kind: 'group', id: 'g1' },
    sender: { id: 'u1', name: '学员' },
    text: '',
    mentions: [],
    mentionsBot: false,
    timestamp: new Date(),
    fromSelf: false,
    ...overrides,
  };
}
