import fc from 'fast-check';
import { Automaton } from '../../../../../src/features/moderation/detection/automaton';

/** Every (pattern, end) pair found by walking the automaton over text. */
function scan(a: Automaton, text: number[]): string[] {
  const found: string[] = [];
  let state = 0;
  text.forEach((sym, i) => {
    state = a.step(state, sym);
    let s = state;
    while (s !== 0) {
      for (let o = a.outStart[s] as number; o < (a.outStart[s + 1] as number); o++) found.push(`${a.outIds[o]}@${i}`);
      s = a.dictLink[s] as number;
    }
  });
  return found.sort();
}

function naive(patterns: number[][], text: number[]): string[] {
  const found: string[] = [];
  patterns.forEach((p, id) => {
    if (p.length === 0) return;
    for (let end = p.length - 1; end < text.length; end++) {
      if (p.every((sym, j) => text[end - p.length + 1 + j] === sym)) found.push(`${id}@${end}`);
    }
  });
  return found.sort();
}

describe('Automaton', () => {
  it('finds overlapping and nested patterns', () => {
    const patterns = [
      [1, 2],
      [2, 3],
      [1, 2, 3],
      [3],
    ];
    const a = Automaton.build(patterns, 4);
    expect(scan(a, [1, 2, 3])).toEqual(['0@1', '1@2', '2@2', '3@2']);
  });

  it('reports every pattern sharing the same symbols', () => {
    const a = Automaton.build([[5, 6], [5, 6]], 7);
    expect(scan(a, [5, 6])).toEqual(['0@1', '1@1']);
  });

  it('resets on a negative symbol', () => {
    const a = Automaton.build([[1, 2]], 3);
    expect(scan(a, [1, -1, 2])).toEqual([]);
  });

  it('agrees with a naive search on random patterns and texts', () => {
    const sym = fc.integer({ min: 0, max: 5 });
    fc.assert(
      fc.property(fc.array(fc.array(sym, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 }), fc.array(sym, { maxLength: 60 }), (patterns, text) => {
        const a = Automaton.build(patterns, 6);
        expect(scan(a, text)).toEqual(naive(patterns, text));
      }),
      { numRuns: 200 },
    );
  });
});
