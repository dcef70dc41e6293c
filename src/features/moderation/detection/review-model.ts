import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findDataDir } from './load-lexicon';

/**
 * A statistical second opinion for the review tier: logistic regression over hashed character
 * 1–3-grams of a message's folded tokens (NormalisedText: simplified, lower case, lookalikes and
 * full-width folded, spaces and symbols dropped, repeats collapsed). It is trained on the tune
 * lines of the real-style class chat (`npm run train:moderation`) and only ever raises a private
 * note to staff, for a message no rule flagged: phrasing no rule was written for (a new lure, a
 * threat without a violent word) still reaches someone who can judge it.
 */
export interface ReviewModel {
  /** Weight per hashed feature (length 2^bits). */
  weights: Float32Array;
  bias: number;
  /** Probability at or above which a message gets a note. */
  threshold: number;
  bits: number;
}

/** The model file as written by the trainer: non-zero weights as [slot, weight] pairs. */
export interface ReviewModelFile {
  bits: number;
  bias: number;
  threshold: number;
  /** What it was trained on and how the threshold was chosen (for people reading the file). */
  about: string;
  weights: Array<[number, number]>;
}

export const REVIEW_MODEL_BITS = 18;

/** The slot of an n-gram (n = 1..3) of code points a, b, c (0 where absent). */
function slotOf(n: number, a: number, b: number, c: number, mask: number): number {
  let h = Math.imul(n, 0x9e3779b1) ^ a;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ c;
  h ^= h >>> 16;
  return h & mask;
}

/** Calls `visit` with the slot of every 1-, 2- and 3-gram of cp[0 .. length). */
export function forEachFeature(cp: Int32Array, length: number, bits: number, visit: (slot: number) => void): void {
  const mask = (1 << bits) - 1;
  for (let i = 0; i < length; i++) {
    const a = cp[i] as number;
    visit(slotOf(1, a, 0, 0, mask));
    if (i + 1 < length) visit(slotOf(2, a, cp[i + 1] as number, 0, mask));
    if (i + 2 < length) visit(slotOf(3, a, cp[i + 1] as number, cp[i + 2] as number, mask));
  }
}

/** The model's probability that cp[0 .. length) violates the rules. */
export function reviewScore(model: ReviewModel, cp: Int32Array, length: number): number {
  const { weights } = model;
  const mask = (1 << model.bits) - 1;
  let z = model.bias;
  for (let i = 0; i < length; i++) {
    const a = cp[i] as number;
    z += weights[slotOf(1, a, 0, 0, mask)] as number;
    if (i + 1 < length) z += weights[slotOf(2, a, cp[i + 1] as number, 0, mask)] as number;
    if (i + 2 < length) z += weights[slotOf(3, a, cp[i + 1] as number, cp[i + 2] as number, mask)] as number;
  }
  return 1 / (1 + Math.exp(-z));
}

/** One training line: its folded tokens and whether it violates. */
export interface TrainingLine {
  cp: Int32Array;
  length: number;
  violates: boolean;
}

/**
 * Logistic regression by stochastic gradient descent (fixed order, so the same lines give the
 * same model), each class weighted by the other's share so both count alike, L2-regularised.
 */
export function trainReviewModel(lines: readonly TrainingLine[], options: { bits?: number; epochs?: number; rate?: number; l2?: number } = {}): ReviewModel {
  const bits = options.bits ?? REVIEW_MODEL_BITS;
  const epochs = options.epochs ?? 12;
  const rate = options.rate ?? 0.05;
  const l2 = options.l2 ?? 1e-5;
  const weights = new Float32Array(1 << bits);
  const model: ReviewModel = { weights, bias: 0, threshold: 0.5, bits };
  const positives = lines.filter((l) => l.violates).length;
  const negatives = lines.length - positives;
  const slots: number[][] = lines.map((l) => {
    const s = new Set<number>();
    forEachFeature(l.cp, l.length, bits, (slot) => s.add(slot));
    return [...s];
  });
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let k = 0; k < lines.length; k++) {
      // A fixed interleaving instead of a random shuffle: deterministic models.
      const i = (k * 7919 + epoch * 104729) % lines.length;
      const line = lines[i] as TrainingLine;
      const features = slots[i] as number[];
      let z = model.bias;
      for (const s of features) z += weights[s] as number;
      const p = 1 / (1 + Math.exp(-z));
      const y = line.violates ? 1 : 0;
      const classWeight = line.violates ? negatives / Math.max(1, positives) : 1;
      const g = (p - y) * classWeight * rate;
      model.bias -= g;
      for (const s of features) weights[s] = (weights[s] as number) * (1 - rate * l2) - g;
    }
  }
  return model;
}

/** The model as a file: non-zero weights only, rounded to 4 decimals. */
export function reviewModelFile(model: ReviewModel, about: string): ReviewModelFile {
  const weights: Array<[number, number]> = [];
  for (let s = 0; s < model.weights.length; s++) {
    const w = Math.round((model.weights[s] as number) * 1e4) / 1e4;
    if (w !== 0) weights.push([s, w]);
  }
  return { bits: model.bits, bias: Math.round(model.bias * 1e4) / 1e4, threshold: model.threshold, about, weights };
}

const loaded = new Map<string, ReviewModel | null>();

/** data/moderation/review-model.json (read once per process and file), or null when the file is absent. */
export function loadReviewModel(file: string = path.join(findDataDir(), 'review-model.json')): ReviewModel | null {
  let model = loaded.get(file);
  if (model === undefined) loaded.set(file, (model = readReviewModel(file)));
  return model;
}

function readReviewModel(file: string): ReviewModel | null {
  let parsed: ReviewModelFile;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as ReviewModelFile;
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return null;
    throw err;
  }
  const weights = new Float32Array(1 << parsed.bits);
  for (const [slot, w] of parsed.weights) weights[slot] = w;
  return { weights, bias: parsed.bias, threshold: parsed.threshold, bits: parsed.bits };
}

