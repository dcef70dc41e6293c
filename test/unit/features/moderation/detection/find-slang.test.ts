import { CharTables } from '../../../../../src/features/moderation/detection/char-tables';
import { findSlang } from '../../../../../src/features/moderation/detection/find-slang';

const tables = CharTables.shared();

function spans(text: string): Array<{ word: string; category: string; tier: string | undefined; text: string }> {
  return findSlang(text, tables).map((m) => ({ word: m.word, category: m.category, tier: m.tier, text: text.slice(m.start, m.end) }));
}

describe('findSlang', () => {
  it('gives spans in the original text when characters outside the BMP come before the hit', () => {
    // 𠮷 (U+20BB7) is kept by the fold and is two UTF-16 units: the spans must not shift.
    expect(spans('𠮷𠮷有人卖冰吗')).toEqual([{ word: 'drugs-slang', category: '毒品', tier: 'public', text: '有人卖冰' }]);
    expect(spans('𠮷包夜')).toEqual([{ word: 'sex-services', category: '色情', tier: 'public', text: '包夜' }]);
    const [hit] = findSlang('😀𠮷，私我领取红包', tables);
    expect(hit).toMatchObject({ start: 5, end: 9 });
  });

  it('catches slang and euphemism no word list has, publicly', () => {
    expect(spans('老地方上分下分秒到账')).toEqual([expect.objectContaining({ category: '赌博', tier: 'public', text: '上分下分' })]);
    expect(spans('周末一起溜冰啊，老价钱')).toEqual([expect.objectContaining({ category: '毒品', tier: 'public', text: '溜冰' })]);
    expect(spans('有上门服务，包夜八百')).toEqual([
      expect.objectContaining({ category: '色情', tier: 'public', text: '上门服务' }),
      expect.objectContaining({ category: '色情', tier: 'public', text: '包夜' }),
    ]);
  });

  it('catches solicitation phrased without a contact id: red-packet lures, traffic for sale, loans, threats', () => {
    expect(spans('群里的朋友私我领取红包')).toEqual([expect.objectContaining({ category: '广告', tier: 'public', text: '私我领取' })]);
    expect(spans('出售抖音粉丝，一千起')).toEqual([expect.objectContaining({ category: '广告', tier: 'public', text: '出售抖音粉丝' })]);
    expect(spans('无抵押秒批，急用钱的来')).toEqual(expect.arrayContaining([expect.objectContaining({ category: '广告', tier: 'public', text: '无抵押' })]));
    expect(spans('再说一句弄死你')).toEqual([expect.objectContaining({ category: '暴恐', tier: 'public', text: '弄死你' })]);
  });

  it('sends guesses to review with the reason', () => {
    const [hit] = findSlang('你等着，下课别走', tables);
    expect(hit).toMatchObject({ category: '暴恐', tier: 'review', reason: 'slang guess (threat-guess)' });
  });

  it('leaves shop and farm talk alone: rice noodles, rock sugar, a usb cable', () => {
    expect(spans('我们卖米粉，也卖红薯粉')).toEqual([]);
    expect(spans('卖冰糖橙，一斤五块')).toEqual([]);
    expect(spans('插上usb线就能充电')).toEqual([]);
    expect(spans('你个SB')).toEqual([expect.objectContaining({ category: '辱骂', text: 'SB' })]);
  });
});
