import fc from 'fast-check';
import { regexFactors } from '../../../../../src/features/moderation/detection/regex-factors';

describe('regexFactors', () => {
  it('gives the strings every match must contain, cut to two characters', () => {
    expect(regexFactors('上分[^，]{0,2}下分|下分[^，]{0,2}上分')).toEqual(['上分', '下分']);
    expect(regexFactors('(?:放|点)(?:把|一把)?火')).toEqual(['放一', '放把', '放火', '点一', '点把', '点火']);
    // The class in front says nothing; the alternation after it does.
    expect(regexFactors('(?:卖|出)[^，]{0,2}(?:冰(?!糖)|白的)')).toEqual(['冰', '白的']);
    // Lookbehind matches no characters of its own.
    expect(regexFactors('(?<![a-z])(?:nmsl|sb)(?![a-z])')).toEqual(['nm', 'sb']);
  });

  it('gives null when a match need not contain any fixed string', () => {
    expect(regexFactors('[0-9]+')).toBeNull();
    expect(regexFactors('a|[^，]')).toBeNull();
    expect(regexFactors('(?:ab)?')).toBeNull();
    expect(regexFactors('a\\bb')).toBeNull(); // unsupported syntax: no claim
  });

  it('is sound: a text without any factor never matches (random expressions over a small alphabet)', () => {
    const atom = fc.oneof(fc.constantFrom('a', 'b', 'c', '[ab]', '[^c]', '(?!a)', '$'), fc.constant('(?:a|bc)'));
    const quant = fc.constantFrom('', '?', '+', '{0,2}', '{1,2}', '*');
    const seq = fc.array(fc.tuple(atom, quant).map(([a, q]) => (a === '$' || a.startsWith('(?!') ? a : a + q)), { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
    const source = fc.array(seq, { minLength: 1, maxLength: 3 }).map((b) => b.join('|'));
    fc.assert(
      fc.property(source, fc.stringMatching(/^[abc]{0,8}$/), (src, text) => {
        const factors = regexFactors(src);
        if (factors && !factors.some((f) => text.includes(f))) expect(new RegExp(src).test(text)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});
