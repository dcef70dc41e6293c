import fc from 'fast-check';
import { REPO_ROOT, SHARED_DIR } from '../../../../support/paths';
import { loadRealChat, realChatDir } from '../../../../../bench/moderation/score-real-chat';
import { CharTables } from '../../../../../src/features/moderation/detection/char-tables';
import { findSlang, findSlangAmong, findSlangUnfiltered, slangBranchLiterals, slangCandidates, slangRuleFactors } from '../../../../../src/features/moderation/detection/find-slang';
import { NormalisedText } from '../../../../../src/features/moderation/detection/normalised-text';
import { snapshotTexts } from './verdict-snapshot';

const tables = CharTables.shared();

/** The prefiltered paths: from the slang fold (findSlang) and from the lexicon layer's tokens (findSlangAmong). */
function bothPrefiltered(text: string): [unknown, unknown] {
  const t = new NormalisedText(tables);
  t.fill(text);
  return [findSlang(text, tables), findSlangAmong(text, tables, slangCandidates(t.cp, t.run, t.length))];
}

describe('slang rule prefilter', () => {
  it('works out factors for every rule (no rule runs on every message)', () => {
    for (const r of slangRuleFactors()) expect({ rule: r.name, hasFactors: r.factors !== null }).toEqual({ rule: r.name, hasFactors: true });
  });

  it('works out literals for every alternative of every rule (no alternative runs on every message)', () => {
    const branches = slangBranchLiterals();
    expect(branches.length).toBeGreaterThan(slangRuleFactors().length * 10);
    for (const b of branches) expect({ branch: b.source, hasLiterals: b.literals !== null }).toEqual({ branch: b.source, hasLiterals: true });
  });

  it('finds exactly what running every rule finds, on the shared corpus and the real-style chat', () => {
    const texts = [...snapshotTexts(SHARED_DIR), ...loadRealChat(realChatDir(REPO_ROOT)).map((l) => l.text)];
    let hits = 0;
    for (const text of texts) {
      const reference = findSlangUnfiltered(text, tables);
      if (reference.length > 0) hits++;
      const [folded, tokens] = bothPrefiltered(text);
      expect({ text, hits: folded }).toEqual({ text, hits: reference });
      expect({ text, hits: tokens }).toEqual({ text, hits: reference });
    }
    expect(hits).toBeGreaterThan(100);
  });

  it('finds exactly what running every rule finds, on texts built from the rules’ own strings with repeats, spaces, clause marks and lookalikes', () => {
    // The rules' two-unit factors, and the longer literals that mark single alternatives (老师带你, 想赚钱的).
    const pieces = [...new Set([...slangRuleFactors().flatMap((r) => r.factors ?? []), ...slangBranchLiterals().flatMap((b) => b.literals ?? [])])];
    const filler = ['，', '。', ' ', '冰', '的', '你', 'Ａ', '𠮷', '😀', '\n', '１', '們', '私', '我'];
    const piece = fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...filler));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const reference = findSlangUnfiltered(text, tables);
        const [folded, tokens] = bothPrefiltered(text);
        expect(folded).toEqual(reference);
        expect(tokens).toEqual(reference);
      }),
      { numRuns: 3000 },
    );
  });
});
