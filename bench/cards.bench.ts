/**
 * Picture cards: the daily digest of one 50-trainee cohort drawn as a picture (digest → SVG →
 * PNG with resvg and CARD_FONT_FILE), 50 renders, p50/p95/max, after a first render shown apart
 * (it fetches the glyph outlines the process then keeps); the text digest of the same cohort as the peer. Needs no database. Writes bench/results/cards.json; summary:
 * `digestCardP95Ms` (goal ≤ 300 ms).
 */
import { performance } from 'node:perf_hooks';
import { computeDigest } from '../src/features/reporting/digest';
import { renderDigest } from '../src/features/reporting/render-digest';
import { digestCardSvg, sessionAttendance } from '../src/features/reporting/digest-card';
import { svgToPng } from '../src/charts/render-png';
import { loadConfig } from '../src/kernel/load-config';
import { CARD_DAY, CARD_NOW, cardCohort } from './support/card-cohort';
import { formatTable, percentile } from './support/stats';
import { writeResultJson } from './support/bench-report';

const RUNS = 50;

/** The first run (it fills the process's glyph cache, so it is shown apart) and then RUNS timed runs. */
function time(run: () => void): { first: number; runs: number[] } {
  const t0 = performance.now();
  run();
  const first = performance.now() - t0;
  const runs = Array.from({ length: RUNS }, () => {
    const t = performance.now();
    run();
    return performance.now() - t;
  });
  return { first, runs };
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

function main(): void {
  const fontFile = loadConfig({ ...process.env, MONGODB_URI: process.env.MONGODB_URI ?? 'mongodb://127.0.0.1/bench' }).CARD_FONT_FILE;
  const input = cardCohort(50);
  let bytes = 0;
  const text = time(() => void renderDigest(computeDigest(input, CARD_DAY, { now: CARD_NOW })));
  const card = time(() => {
    const digest = computeDigest(input, CARD_DAY, { now: CARD_NOW });
    const svg = digestCardSvg(digest, renderDigest(digest), sessionAttendance(input, CARD_DAY, { now: CARD_NOW }));
    bytes = svgToPng(svg, fontFile).length;
  });
  const row = (name: string, ms: { first: number; runs: number[] }) => [name, round1(ms.first), round1(percentile(ms.runs, 50)), round1(percentile(ms.runs, 95)), round1(Math.max(...ms.runs))];
  process.stdout.write(`\nDigest of one 50-trainee cohort, ${RUNS} renders each after a first one (PNG ${Math.round(bytes / 1024)} KB)\n`);
  process.stdout.write(`${formatTable(['render', 'first ms', 'p50 ms', 'p95 ms', 'max ms'], [row('text digest (peer)', text), row('digest picture (SVG + PNG)', card)])}\n`);
  const stats = (ms: { first: number; runs: number[] }) => ({ first: ms.first, p50: percentile(ms.runs, 50), p95: percentile(ms.runs, 95), max: Math.max(...ms.runs) });
  const summary = { digestCardP95Ms: round1(percentile(card.runs, 95)) };
  writeResultJson('cards', { runs: RUNS, pngBytes: bytes, textMs: stats(text), cardMs: stats(card), summary });
}

main();
