import { clipText, findPhones, maskName, maskPhone, maskPhonesInText, parseMobile } from '../../../src/kernel/privacy';

describe('maskPhonesInText: the one phone policy (SPEC §4)', () => {
  it.each([
    ['written together', '王五13800001111', '王五138****1111'],
    ['with spaces', '王五138 0000 1111', '王五138****1111'],
    ['with hyphens', '138-0000-1111', '138****1111'],
    ['with mixed separators', '王五138 0000-1111', '王五138****1111'],
    ['with dots', '电话 138.0000.1111 找我', '电话 138****1111 找我'],
    ['with spaced hyphens', '138 - 0000 - 1111', '138****1111'],
    ['with +86 and spaces', '+86 138 0000 1111', '138****1111'],
    ['with +86 written together', '手机+8613800001111', '手机138****1111'],
    ['with 0086 and a hyphen', '0086-138-0000-1111', '138****1111'],
    ['in full-width digits', '王五１３８００００１１１１', '王五138****1111'],
    ['in full-width digits with full-width dots and plus', '＋８６ １３８．００００．１１１１', '138****1111'],
    ['grouped 4-3-4', '1380 000 1111', '138****1111'],
    ['with an ideographic space', '138\u30000000\u30001111', '138****1111'],
    ['with en dashes', '电话135–2079–1900', '电话135****1900'],
    ['with middle dots', '137·2080·7738', '137****7738'],
    ['with full-width low lines', '１３７＿２０８０＿７７３８', '137****7738'],
    ['with underscores and tildes', '137_2080~7738', '137****7738'],
    ['with brackets', '(137)2080-7738', '(137****7738'],
    ['one digit at a time', '电话 1 3 5 2 0 7 9 1 9 0 0 谢谢', '电话 135****1900 谢谢'],
    ['with zero-width spaces inside', '135\u200b2079\u200b\u200b\u200b\u200b1900', '135****1900'],
    ['with direction marks and a soft hyphen', '\u202e135\u00ad2079\u200f1900', '\u202e135****1900'],
    ['in keycap emoji', '1\ufe0f\u20e33\ufe0f\u20e35\ufe0f\u20e32079 1900', '135****1900'],
    ['with 0086 and full-width dots', '００８６．１３５．２０７９．１９００', '135****1900'],
  ])('masks a mobile number %s', (_form, text, masked) => {
    expect(maskPhonesInText(text)).toBe(masked);
  });

  it('masks every number of a list and keeps the text around them', () => {
    expect(maskPhonesInText('甲 13800001111 13900002222，乙：137-0000-3333。')).toBe('甲 138****1111 139****2222，乙：137****3333。');
  });

  it('leaves numbers that are not mobile numbers as written', () => {
    const kept = [
      '开班 2027-03-01 09:00',
      '2027.03.01',
      '销售额 12000 元，13800 元',
      '班级码 138000',
      '身份证 130102199003071234',
      '身份证 130102 19900307 1234',
      '电话 0351-12345678',
      '第 12 期 15 16 17 18 19 20 号',
      '订单 1380000111122',
      '12800001111',
    ];
    for (const text of kept) expect(maskPhonesInText(text)).toBe(text);
  });

  it('leaves database ids and hashes in links whole, and still masks a phone glued to letters', () => {
    const link = '/cohorts/6b13289628962a7697854be6/leave/6b1321380000111123456789/approve';
    expect(maskPhonesInText(link)).toBe(link);
    expect(maskPhonesInText(`sha1 ${'ab'.repeat(6)}13800001111${'cd'.repeat(6)}`)).toBe(`sha1 ${'ab'.repeat(6)}13800001111${'cd'.repeat(6)}`);
    expect(maskPhonesInText('vx13800001111')).toBe('vx138****1111');
    expect(maskPhonesInText('abc13800001111def')).toBe('abc138****1111def');
    expect(maskPhonesInText('微信13800001111')).toBe('微信138****1111');
  });

  it('is idempotent: a masked number is not masked again', () => {
    const once = maskPhonesInText('王五 +86 138 0000 1111');
    expect(maskPhonesInText(once)).toBe(once);
  });
});

describe('findPhones', () => {
  it('gives each phone with its offsets in the original text, invisible characters included', () => {
    const text = '甲 +86 135\u200b2079 1900，乙 13700001111';
    const spans = findPhones(text);
    expect(spans.map((s) => s.national)).toEqual(['13520791900', '13700001111']);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['+86 135\u200b2079 1900', '13700001111']);
  });
});

describe('clipText', () => {
  it('cuts at the limit when no phone is in the way', () => {
    expect(clipText('abcdef', 4)).toBe('abcd');
  });

  it('leaves out a phone the cut would split, so no part of it is kept', () => {
    expect(clipText('请联系 138-0000-1111 谢谢', 12)).toBe('请联系 ');
  });

  it('never splits a surrogate pair', () => {
    expect(clipText('ab😀c', 3)).toBe('ab');
  });
});

describe('maskPhone', () => {
  it('masks a bare number in any written form as 138****8000', () => {
    for (const phone of ['13800138000', '138 0013 8000', '+86 138-0013-8000', '008613800138000', '１３８００１３８０００']) {
      expect(maskPhone(phone)).toBe('138****8000');
    }
  });

  it('hides a short number entirely', () => {
    expect(maskPhone('12345')).toBe('****');
  });
});

describe('parseMobile', () => {
  it('reads the national number from the forms people type', () => {
    for (const raw of ['13800138000', '138-0013-8000', '138.0013.8000', '+8613800138000', '0086 138 0013 8000', '１３８００１３８０００', '138\u200b0013 8000', '138＿0013＿8000']) {
      expect(parseMobile(raw)).toBe('13800138000');
    }
  });

  it('refuses what is not a mainland mobile number', () => {
    for (const raw of ['1380013800', '12800138000', '138001380001', '138o0138000', '电话13800138000', '']) expect(parseMobile(raw)).toBeNull();
  });
});

describe('maskName', () => {
  it('keeps the first and last character', () => {
    expect([maskName('张三丰'), maskName('张三'), maskName('张')]).toEqual(['张*丰', '张*', '*']);
  });
});
