import type { ChatUser } from '../../../src/platform/chat-event';
import { outboundOf, type Outbound } from '../../../src/platform/platform-adapter';

describe('outboundOf', () => {
  it('keeps exactly the capabilities the adapter has, bound to it, with the given send', async () => {
    class Adapter implements Outbound {
      readonly members: ChatUser[] = [{ id: 'u1', name: '学员甲' }];
      sent = 0;
      async send(): Promise<void> {
        this.sent++;
      }
      async listMembers(): Promise<ChatUser[]> {
        return this.members;
      }
      async recall(): Promise<boolean> {
        return this.members.length > 0;
      }
    }
    const adapter = new Adapter();
    let replaced = 0;
    const out = outboundOf(adapter, async () => void replaced++);
    await out.send({ kind: 'group', id: 'g' }, { text: 'hi' });
    expect([replaced, adapter.sent]).toEqual([1, 0]);
    expect(await out.listMembers?.('g')).toEqual(adapter.members);
    expect(await out.recall?.('m1')).toBe(true);
    expect([out.mute, out.remove, out.sendFile]).toEqual([undefined, undefined, undefined]);
  });
});
