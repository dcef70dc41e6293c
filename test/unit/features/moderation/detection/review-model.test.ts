import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SHARED_DIR } from '../../../../support/paths';
import { CharTables } from '../../../../../src/features/moderation/detection/char-tables';
import { createDetector } from '../../../../../src/features/moderation/detection/create-detector';
import type { Detector } from '../../../../../src/features/moderation/detection/detector';
import { loadLexicon } from '../../../../../src/features/moderation/detection/load-lexicon';
import { NormalisedText } from '../../../../../src/features/moderation/detection/normalised-text';
import { loadReviewModel, reviewModelFile, reviewScore, trainReviewModel, type TrainingLine } from '../../../../../src/features/moderation/detection/review-model';

const text = new NormalisedText(CharTables.shared());
function line(s: string, violates = false): TrainingLine {
  text.fill(s);
  return { cp: text.cp.slice(0, text.length), length: text.length, violates };
}
function score(model: ReturnType<typeof trainReviewModel>, s: string): number {
  const l = line(s);
  return reviewScore(model, l.cp, l.length);
}

describe('review model', () => {
  // Lures about quick money against farm and class talk, written for this test.
  const lines = [
    ...['来钱快的路子私我', '轻松来钱，想上车的私我', '来钱快，稳稳的，私我带你', '有来钱的门路，懂的私', '快速来钱项目，私我了解', '来钱路子多，私聊'].map((s) => line(s, true)),
    ...['今天苹果装箱发货', '明早八点上课记得签到', '大棚的草莓熟了', '作业交到群文件里', '快递明天上门取件', '橙子今年甜度高'].map((s) => line(s)),
  ];

  it('learns to tell the lures it was trained on from class talk, the same model every time', () => {
    const model = trainReviewModel(lines, { bits: 12, epochs: 30, rate: 0.2 });
    expect(score(model, '有个来钱快的路子，私我')).toBeGreaterThan(0.8);
    expect(score(model, '明早八点装箱发货')).toBeLessThan(0.2);
    expect(Array.from(trainReviewModel(lines, { bits: 12, epochs: 30, rate: 0.2 }).weights)).toEqual(Array.from(model.weights));
  });

  it('is written as its non-zero weights and read back with the same scores', () => {
    const model = trainReviewModel(lines, { bits: 12, epochs: 30, rate: 0.2 });
    model.threshold = 0.7;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'review-model-')), 'review-model.json');
    writeFileSync(file, JSON.stringify(reviewModelFile(model, 'test')));
    const back = loadReviewModel(file);
    expect(back?.threshold).toBe(0.7);
    expect(score(back as NonNullable<typeof back>, '有个来钱快的路子，私我')).toBeCloseTo(score(model, '有个来钱快的路子，私我'), 3);
    expect(loadReviewModel(path.join(path.dirname(file), 'absent.json'))).toBeNull();
  });
});

describe('the detector with the shipped review model (data/moderation/review-model.json)', () => {
  let withModel: Detector;
  let withoutModel: Detector;
  beforeAll(async () => {
    const lexicon = await loadLexicon([path.join(SHARED_DIR, 'lexicon/merged/lexicon.jsonl'), path.join(SHARED_DIR, 'lexicon/merged/ads-solicitation.txt')]);
    withModel = createDetector(lexicon);
    withoutModel = createDetector(lexicon, { reviewModel: null });
  });

  it('sends a message no rule flags but the model doubts to staff only, and leaves class talk alone', () => {
    const lure = '兄弟们有个来钱快的路子，稳稳的，想上车的私';
    expect(withoutModel.scan(lure).matches).toEqual([]);
    const result = withModel.scan(lure);
    expect(result.flagged).toBe(false);
    expect(result.matches).toEqual([expect.objectContaining({ word: 'review-model', layer: 'model', tier: 'review', start: 0, end: lure.length })]);
    expect(result.matches[0]?.reason).toMatch(/^statistical guess \(\d+ %\)$/);
    for (const clean of ['今天的作业大家记得交，明早八点上课', '老板大气，回头客多', '收到']) expect({ clean, matches: withModel.scan(clean).matches }).toEqual({ clean, matches: [] });
  });

  it('adds nothing to a message a rule already flagged', () => {
    const matches = withModel.scan('私我领红包，每天都有').matches;
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.filter((m) => m.layer === 'model')).toEqual([]);
  });
});
