import { findSolicitation } from '../../../../../src/features/moderation/detection/find-solicitation';

describe('findSolicitation', () => {
  it('reports every kind of solicitation in one message, all as 广告', () => {
    const found = findSolicitation('加vx abc12345，或打13800138000，或上 abc.top');
    expect(found.map((m) => m.word).sort()).toEqual(['contact-id', 'link', 'phone-number']);
    expect(new Set(found.map((m) => m.category))).toEqual(new Set(['广告']));
  });

  it('reports nothing for ordinary class chat with numbers', () => {
    expect(findSolicitation('直播6小时成交112单，GMV 45万，ROI 2.83')).toEqual([]);
  });
});
