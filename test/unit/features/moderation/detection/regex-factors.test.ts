import fc from 'fast-check';
import { FactorGate, regexFactors, topLevelBranches } from '../../../../../src/features/moderation/detection/regex-factors';

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

describe('topLevelBranches', () => {
  it('splits at the top-level bars only (not in a class, a group or after a backslash), opening a whole non-capturing group in place', () => {
    expect(topLevelBranches('上分[^，]{0,2}下分|下分')).toEqual(['上分[^，]{0,2}下分', '下分']);
    expect(topLevelBranches('(?:私我|加我)|(?:私我|加我)领|[|(]a|\\|b')).toEqual(['私我', '加我', '(?:私我|加我)领', '[|(]a', '\\|b']);
    // A group with a quantifier or anything after it stays whole.
    expect(topLevelBranches('(?:a|b)?|(?:c|d)e')).toEqual(['(?:a|b)?', '(?:c|d)e']);
    expect(topLevelBranches('(?:(?:a|b)|c)')).toEqual(['a', 'b', 'c']);
  });

  it('merged as an alternation picks (leftmost match, then the first alternative), finds what the whole expression finds', () => {
    const atom = fc.oneof(fc.constantFrom('a', 'b', 'c', '[ab]', '[^c]', '(?!a)', '(?<!b)'), fc.constant('(?:a|bc)'));
    const quant = fc.constantFrom('', '?', '+', '{0,2}', '{1,2}');
    const seq = fc.array(fc.tuple(atom, quant).map(([a, q]) => (a.startsWith('(?') && a !== '(?:a|bc)' ? a : a + q)), { minLength: 1, maxLength: 3 }).map((p) => p.join(''));
    const source = fc.array(seq, { minLength: 1, maxLength: 4 }).map((b) => b.join('|'));
    const all = (re: RegExp, text: string): Array<[number, string]> => [...text.matchAll(re)].filter((m) => m[0].length > 0).map((m) => [m.index, m[0]]);
    fc.assert(
      fc.property(source, fc.stringMatching(/^[abc]{0,10}$/), (src, text) => {
        const branches = topLevelBranches(src).map((b) => new RegExp(b, 'g'));
        const merged: Array<[number, string]> = [];
        for (let from = 0; from <= text.length; ) {
          let best: RegExpExecArray | null = null;
          for (const re of branches) {
            re.lastIndex = from;
            const m = re.exec(text);
            if (m && (!best || m.index < best.index)) best = m;
          }
          if (!best) break;
          if (best[0].length === 0) from = best.index + 1;
          else {
            merged.push([best.index, best[0]]);
            from = best.index + best[0].length;
          }
        }
        expect(merged).toEqual(all(new RegExp(src, 'g'), text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('FactorGate', () => {
  it('lets a stretch through only when it holds a factor, and lets everything through for an expression without factors', () => {
    const gate = new FactorGate(/骂我(?:是个?)?$/);
    expect(gate.admits('评论区有人骂我', 3, 7)).toBe(true);
    expect(gate.admits('评论区有人骂我', 0, 6)).toBe(false); // 骂 without 我 within the stretch
    expect(gate.admits('今天卖了好多鸡蛋', 0, 8)).toBe(false);
    expect(new FactorGate(/[0-9]+/).admits('abc', 0, 3)).toBe(true);
    // Case-insensitive expressions compare ASCII letters in lower case.
    expect(new FactorGate(/^(?:tmd|shit)$/i).admits('TMD', 0, 3)).toBe(true);
  });

  it('is sound: when it turns a stretch away, the expression does not match that stretch (random expressions and texts)', () => {
    const atom = fc.oneof(fc.constantFrom('a', 'b', 'c', 'B', '[ab]', '[^c]', '(?!a)', '(?<!b)', '^', '$'), fc.constant('(?:a|bc)'));
    const quant = fc.constantFrom('', '?', '+', '{0,2}', '{1,2}');
    const seq = fc.array(fc.tuple(atom, quant).map(([a, q]) => (a.startsWith('(?') && a !== '(?:a|bc)') || a === '^' || a === '$' ? a : a + q), { minLength: 1, maxLength: 3 }).map((p) => p.join(''));
    const source = fc.array(seq, { minLength: 1, maxLength: 3 }).map((b) => b.join('|'));
    fc.assert(
      fc.property(source, fc.boolean(), fc.stringMatching(/^[abcAB]{0,10}$/), fc.nat(10), fc.nat(10), (src, ignoreCase, text, x, y) => {
        const re = new RegExp(src, ignoreCase ? 'i' : '');
        const [from, to] = [Math.min(x, y), Math.max(x, y)];
        if (!new FactorGate(re).admits(text, from, to)) expect(re.test(text.slice(from, to))).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});
