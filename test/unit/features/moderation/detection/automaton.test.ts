import fc from 'fast-check';
import { Automaton, CELL, PackedTrie } from '../../../../../src/features/moderation/detection/automaton';

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

  it('keeps each state in one 16-byte cell whose output field names the first state with outputs on its suffix chain', () => {
    const a = Automaton.build([[1, 2, 3], [2, 3], [9]], 10);
    expect(CELL).toBe(4);
    expect(a.cells.length % CELL).toBe(0);
    const s12 = a.step(a.step(0, 1), 2);
    const s123 = a.step(s12, 3);
    expect(a.outputState(s12)).toBe(0);
    expect(a.outputState(s123)).toBe(s123);
    // 4 then 3 spells no pattern.
    expect(a.outputState(a.step(a.step(0, 4), 3))).toBe(0);
    // A symbol no pattern uses from a deep state falls back to the root.
    expect(a.step(s123, 5)).toBe(0);
    expect(a.hasOutput(a.step(s123, 9))).toBe(true);
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

  it('agrees with a naive search over a large, sparse alphabet (double-array placement with collisions)', () => {
    const sym = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 5000 }));
    fc.assert(
      fc.property(fc.array(fc.array(sym, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 60 }), fc.array(sym, { maxLength: 40 }), (patterns, text) => {
        const a = Automaton.build(patterns, 5001);
        const probe = [...text, ...patterns.flat()];
        expect(scan(a, probe)).toEqual(naive(patterns, probe));
      }),
      { numRuns: 200 },
    );
  });
});

/** Every (pattern, start, end) found by walking a packed trie from each start of the text. */
function walkPacked(t: PackedTrie, text: number[]): string[] {
  const found: string[] = [];
  for (let start = 0; start < text.length; start++) {
    let state = 0;
    for (let i = start; i < text.length; i++) {
      const next = ((t.cells[state * 2 + 1] as number) >> 1) + (text[i] as number);
      if (t.cells[next * 2] !== state) break;
      state = next;
      if (((t.cells[state * 2 + 1] as number) & 1) === 0) continue;
      for (let o = t.outStart[state] as number; o < (t.outStart[state + 1] as number); o++) found.push(`${t.outIds[o]}@${i}`);
    }
  }
  return found.sort();
}

describe('PackedTrie', () => {
  it('finds exactly what a naive search finds, walking from every start', () => {
    const sym = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 40 }));
    fc.assert(
      fc.property(fc.array(fc.array(sym, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 40 }), fc.array(sym, { maxLength: 40 }), (patterns, text) => {
        const symbols = Int32Array.from(patterns.flat());
        const at = new Int32Array(patterns.length + 1);
        patterns.forEach((p, i) => (at[i + 1] = (at[i] as number) + p.length));
        const probe = [...text, ...patterns.flat()];
        expect(walkPacked(PackedTrie.of(Automaton.buildFlat(symbols, at, 41, false)), probe)).toEqual(naive(patterns, probe));
      }),
      { numRuns: 200 },
    );
  });

  it('takes only an automaton without failure links', () => {
    expect(() => PackedTrie.of(Automaton.build([[1, 2]], 3))).toThrow('without failure links');
  });
});
