import path from 'node:path';
import { SHARED_DIR } from '../../../../support/paths';
import { createDetector } from '../../../../../src/features/moderation/detection/create-detector';
import type { Detector } from '../../../../../src/features/moderation/detection/detector';
import { loadLexicon } from '../../../../../src/features/moderation/detection/load-lexicon';
import { snapshotTexts, verdictDigest, verdictLine } from './verdict-snapshot';

// The detector's complete output on the shared corpus (every line, pairs of lines run together,
// a cut-off tail of each line: 16 080 texts), full shared lexicon, every layer on as the bot
// runs it. Pinned from the matcher before its typed-array rewrite: a speed-up must not change a
// single verdict, category, span, layer, tier or reason.
const PINNED = {
  sha256: '8971884975f1b36d5321986fc0c680b8f7d4010ab4ee195bf4d61fcebf925283',
  texts: 16080,
  flagged: 9632,
  matches: 25627,
};

let detector: Detector;
let texts: string[];
beforeAll(async () => {
  detector = createDetector(await loadLexicon([path.join(SHARED_DIR, 'lexicon/merged/lexicon.jsonl'), path.join(SHARED_DIR, 'lexicon/merged/ads-solicitation.txt')]));
  texts = snapshotTexts(SHARED_DIR);
});

describe('verdicts on the shared corpus', () => {
  it('are exactly the pinned ones', () => {
    expect(verdictDigest(detector, texts)).toEqual(PINNED);
  });

  it('do not depend on what was scanned before (scratch buffers are reset per message)', () => {
    const sample = texts.filter((_, i) => i % 37 === 0);
    const forward = sample.map((t) => verdictLine(detector.scan(t)));
    const backward = [...sample].reverse().map((t) => verdictLine(detector.scan(t))).reverse();
    expect(backward).toEqual(forward);
  });

  it('pins something: a changed verdict changes the digest', () => {
    const flipped = { scan: (text: string) => ({ ...detector.scan(text), flagged: text === texts[0] ? !detector.scan(text).flagged : detector.scan(text).flagged }), stats: detector.stats };
    expect(verdictDigest(flipped, texts.slice(0, 50)).sha256).not.toBe(verdictDigest(detector, texts.slice(0, 50)).sha256);
  });
});
