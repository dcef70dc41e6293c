import { findLinks } from '../../../../../src/features/moderation/detection/find-links';
import { foldForSolicitation } from '../../../../../src/features/moderation/detection/fold-for-solicitation';

const links = (text: string): string[] => findLinks(foldForSolicitation(text)).map((m) => text.slice(m.start, m.end));

describe('findLinks', () => {
  it('finds http(s) links', () => {
    expect(links('点这里https://a.example.com/x?y=1 领取')).toEqual(['https://a.example.com/x?y=1']);
  });

  it('finds www links and bare short domains', () => {
    expect(links('上 www.abc.com 看')).toEqual(['www.abc.com']);
    expect(links('网址 ok88.top/abc，速来')).toEqual(['ok88.top/abc']);
  });

  it('finds links written with full-width letters', () => {
    expect(links('ｗｗｗ．ａｂｃ．ｃｏｍ')).toEqual(['ｗｗｗ．ａｂｃ．ｃｏｍ']);
  });

  it('lets links to the shop platforms through', () => {
    expect(links('作业链接 https://item.taobao.com/item.htm?id=1 和 v.douyin.com/abc')).toEqual([]);
  });

  it('ignores platform names, decimals and file names', () => {
    expect(links('淘宝、抖音、拼多多、快手')).toEqual([]);
    expect(links('ROI只有2.83，作业.xlsx')).toEqual([]);
  });
});
