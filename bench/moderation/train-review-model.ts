/**
 * `npm run train:moderation` — trains the review tier's statistical second opinion
 * (src/features/moderation/detection/review-model.ts) on the `tune` lines of the real-style
 * class chat (test/fixtures/moderation/real-chat) and writes data/moderation/review-model.json.
 * The holdout lines are never read. The threshold comes from 5-fold cross-validation on tune:
 * the lowest probability at which at most NOTE_BUDGET of the clean lines no rule flags would
 * get a note. Prints the cross-validated figures.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CharTables } from '../../src/features/moderation/detection/char-tables';
import { createDetector } from '../../src/features/moderation/detection/create-detector';
import { findDataDir, loadLexicon } from '../../src/features/moderation/detection/load-lexicon';
import { NormalisedText } from '../../src/features/moderation/detection/normalised-text';
import { reviewModelFile, reviewScore, trainReviewModel, type TrainingLine } from '../../src/features/moderation/detection/review-model';
import { loadRealChat, realChatDir } from './score-real-chat';

const NOTE_BUDGET = 0.015;
const FOLDS = 5;

async function main(): Promise<void> {
  const root = path.resolve(findDataDir(), '..', '..');
  const shared = path.resolve(root, '..', 'shared', 'lexicon', 'merged');
  const lines = loadRealChat(realChatDir(root)).filter((l) => l.split === 'tune');
  // The rules as the bot runs them, without the model: which lines they already flag.
  const detector = createDetector(await loadLexicon([path.join(shared, 'lexicon.jsonl'), path.join(shared, 'ads-solicitation.txt')]), { reviewModel: null });
  const text = new NormalisedText(CharTables.shared());
  const samples: Array<TrainingLine & { ruleHit: boolean }> = lines.map((l) => {
    text.fill(l.text);
    return { cp: text.cp.slice(0, text.length), length: text.length, violates: l.label !== 'clean', ruleHit: detector.scan(l.text).matches.length > 0 };
  });

  // Cross-validated scores: each line scored by a model that never saw it.
  const scores = new Float64Array(samples.length);
  for (let f = 0; f < FOLDS; f++) {
    const model = trainReviewModel(samples.filter((_, i) => i % FOLDS !== f));
    samples.forEach((s, i) => {
      if (i % FOLDS === f) scores[i] = reviewScore(model, s.cp, s.length);
    });
  }
  const silentClean = samples.map((s, i) => ({ s, p: scores[i] as number })).filter(({ s }) => !s.violates && !s.ruleHit);
  const sorted = silentClean.map(({ p }) => p).sort((a, b) => b - a);
  const allowedNotes = Math.floor(sorted.length * NOTE_BUDGET);
  const threshold = Math.min(0.99, Math.round(((sorted[allowedNotes] ?? 0.5) + 1e-4) * 1e4) / 1e4);
  const missed = samples.map((s, i) => ({ s, p: scores[i] as number })).filter(({ s }) => s.violates && !s.ruleHit);
  const caught = missed.filter(({ p }) => p >= threshold).length;
  const notes = silentClean.filter(({ p }) => p >= threshold).length;
  const violating = samples.map((s, i) => ({ s, p: scores[i] as number })).filter(({ s }) => s.violates);
  const alone = violating.filter(({ p }) => p >= threshold).length;

  const model = trainReviewModel(samples);
  model.threshold = threshold;
  const about = `trained on the ${samples.length} tune lines of test/fixtures/moderation/real-chat (${samples.filter((s) => s.violates).length} violating); threshold from ${FOLDS}-fold cross-validation: notes on at most ${NOTE_BUDGET * 100} % of the clean lines no rule flags`;
  const file = path.join(findDataDir(), 'review-model.json');
  writeFileSync(file, `${JSON.stringify(reviewModelFile(model, about))}\n`);
  console.log(`review model → ${path.relative(root, file)}`);
  console.log(`tune lines ${samples.length}; violating lines no rule flags ${missed.length}, of them caught (cross-validated) ${caught}`);
  console.log(`clean lines no rule flags ${silentClean.length}, of them noted (cross-validated) ${notes}; threshold ${threshold}`);
  console.log(`the model alone (cross-validated): ${alone} of ${violating.length} violating lines at that threshold`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
