import { findContactIds } from '../../../../../src/features/moderation/detection/find-contact-ids';
import { foldForSolicitation } from '../../../../../src/features/moderation/detection/fold-for-solicitation';

const ids = (text: string): string[] => findContactIds(foldForSolicitation(text)).map((m) => text.slice(m.start, m.end));

describe('findContactIds', () => {
  it.each([
    ['加V：abc12345', '加V：abc12345'],
    ['加微 wxid_9988abc', '加微 wxid_9988abc'],
    ['vx: tb_shop888 私聊', 'vx: tb_shop888'],
    ['我的薇信号是 meimei2024', '薇信号是 meimei2024'],
    ['威信 aabb112233', '威信 aabb112233'],
    ['ＷＸ：ｈｅｌｌｏ１２３', 'ＷＸ：ｈｅｌｌｏ１２３'],
    ['加我qq 12345678', '加我qq 12345678'],
  ])('finds the id offered in "%s"', (text, expected) => {
    expect(ids(text)).toEqual([expected]);
  });

  it('ignores mentions of WeChat without an id', () => {
    expect(ids('微信群里发了通知，微信支付也能付')).toEqual([]);
    expect(ids('加微信群的同学记得改备注')).toEqual([]);
  });

  it('ignores latin words that merely contain vx or wx', () => {
    expect(ids('devx 123456789')).toEqual([]);
  });
});
