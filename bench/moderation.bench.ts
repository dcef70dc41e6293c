/**
 * `npm run bench:moderation` — the moderation detector against exact matchers, on the shared
 * development corpus (../shared/corpus) with the full lexicon (../shared/lexicon/merged:
 * lexicon.jsonl + ads-solicitation.txt). Rows: this detector (all layers on), mint-filter and
 * @monyone/aho-corasick (exact match over the same words). Columns: build time and memory
 * (each measured cold in its own child process), throughput over several warmed-up passes of
 * every corpus line (rounds interleaved, median reported), recall per disguise variant and the
 * false-positive rate. Then the `moderate` command on 10k and 100k lines in a child process
 * (peak RSS). Prints tables and writes bench/results/moderation.json.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { AhoCorasick } from '@monyone/aho-corasick';
import { Mint } from 'mint-filter';
import { createDetector } from '../src/features/moderation/detection/create-detector';
import { loadLexicon } from '../src/features/moderation/detection/load-lexicon';
import { runModerate } from '../src/features/moderation/detection/run-moderate';
import { loadCorpus, scoreCorpus, type CorpusScore } from './moderation/score-corpus';
import { loadRealChat, realChatDir, scoreRealChat, type RealChatScore, type TieredHits } from './moderation/score-real-chat';
import { formatTable } from './support/stats';

const VARIANTS = ['plain', 'fullwidth', 'mixedcase', 'symbol', 'space', 'emoji', 'traditional', 'repeat', 'homophone', 'pinyin_partial', 'pinyin_full', 'combo'];
const WARMUP_PASSES = 3;
const ROUNDS = 5;
const PASSES_PER_ROUND = 3;
const CLI_LINES = [10_000, 100_000];

/** A matcher under test: built from the lexicon, returns the words it found in a text. */
interface Matcher {
  name: string;
  hits: (text: string) => string[];
  /** Hits split into the public tier and the staff-only review tier (exact matchers have no review tier). */
  tiered: (text: string) => TieredHits;
}

type MatcherName = 'detector' | 'mint-filter' | 'aho-corasick';
const MATCHERS: Array<{ id: MatcherName; label: string }> = [
  { id: 'detector', label: 'cohort-bot detector (all layers)' },
  { id: 'mint-filter', label: 'mint-filter (exact)' },
  { id: 'aho-corasick', label: '@monyone/aho-corasick (exact)' },
];

/** Build figures of one matcher, measured in a fresh child process. */
interface BuildFigures {
  loadMs: number;
  buildMs: number;
  heapDeltaMB: number;
  rssDeltaMB: number;
  rssMB: number;
}

function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 4; i++) {
    if (existsSync(path.join(dir, 'data', 'moderation', 'starter-lexicon.jsonl'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

const ROOT = repoRoot();
const SHARED = path.resolve(ROOT, '..', 'shared');
const LEXICON_PATHS = [path.join(SHARED, 'lexicon/merged/lexicon.jsonl'), path.join(SHARED, 'lexicon/merged/ads-solicitation.txt')];

function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

async function lexiconWords(): Promise<string[]> {
  const lexicon = await loadLexicon(LEXICON_PATHS);
  return lexicon.entries.map((e) => e.word);
}

async function buildMatcher(id: MatcherName): Promise<Matcher> {
  if (id === 'detector') {
    const detector = createDetector(await loadLexicon(LEXICON_PATHS));
    return {
      name: id,
      // Recall and false alarms on the shared corpus count public-tier hits: a review note is not a catch (issue 16).
      hits: (text) => detector.scan(text).matches.filter((m) => m.tier !== 'review').map((m) => m.word),
      tiered: (text) => {
        const matches = detector.scan(text).matches;
        return { public: matches.filter((m) => m.tier !== 'review').map((m) => m.word), review: matches.filter((m) => m.tier === 'review').map((m) => m.word) };
      },
    };
  }
  const words = await lexiconWords();
  if (id === 'mint-filter') {
    const mint = new Mint(words);
    const hits = (text: string): string[] => mint.filter(text, { replace: false }).words;
    return { name: id, hits, tiered: (text) => ({ public: hits(text), review: [] }) };
  }
  const ac = new AhoCorasick(words);
  const hits = (text: string): string[] => ac.matchInText(text).map((m) => m.keyword);
  return { name: id, hits, tiered: (text) => ({ public: hits(text), review: [] }) };
}

/** Child process: load, then build one matcher cold and report time and memory. */
async function childBuild(id: MatcherName): Promise<void> {
  const gc = gcFunction();
  const loadStarted = performance.now();
  const lexicon = await loadLexicon(LEXICON_PATHS);
  const words = lexicon.entries.map((e) => e.word);
  const loadMs = performance.now() - loadStarted;
  gc();
  gc();
  const before = process.memoryUsage();
  const started = performance.now();
  let built: unknown;
  if (id === 'detector') built = createDetector(lexicon);
  else if (id === 'mint-filter') built = new Mint(words);
  else built = new AhoCorasick(words);
  const buildMs = performance.now() - started;
  gc();
  gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc();
  const after = process.memoryUsage();
  const mb = (n: number): number => n / 1024 / 1024;
  const figures: BuildFigures = {
    loadMs,
    buildMs,
    heapDeltaMB: mb(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers),
    rssDeltaMB: mb(after.rss - before.rss),
    rssMB: mb(after.rss),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  if (built === undefined) process.exitCode = 1;
}

/** Child process: the `moderate` command over a file, output discarded; reports lines, time and peak RSS. */
async function childModerate(input: string): Promise<void> {
  const started = performance.now();
  const output = createWriteStream(os.devNull);
  const { lines } = await runModerate({ input: createReadStream(input), output, lexiconPaths: LEXICON_PATHS });
  await new Promise<void>((resolve) => output.end(resolve));
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ lines, seconds, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
}

function runChild(args: string[], nodeFlags: readonly string[] = []): string {
  return execFileSync(process.execPath, [...nodeFlags, __filename, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }).trim();
}

/** The node flags `cohort-bot moderate` runs with (bin/moderate-node-flags.json). */
function moderateNodeFlags(): readonly string[] {
  return JSON.parse(readFileSync(path.join(ROOT, 'bin', 'moderate-node-flags.json'), 'utf8')) as string[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function main(): Promise<void> {
  const child = process.argv.find((a) => a.startsWith('--child='))?.slice('--child='.length);
  if (child === 'build') return childBuild(process.argv[3] as MatcherName);
  if (child === 'moderate') return childModerate(process.argv[3] as string);

  const corpus = loadCorpus(path.join(SHARED, 'corpus'));
  const lines = [...corpus.clean, ...corpus.dirty].map((l) => l.text);
  const bytes = lines.reduce((sum, l) => sum + Buffer.byteLength(l, 'utf8'), 0);
  console.log(`corpus: ${corpus.clean.length} clean + ${corpus.dirty.length} dirty lines, ${(bytes / 1e6).toFixed(2)} MB; node ${process.version}, ${os.cpus().length} CPUs`);

  const builds = new Map<MatcherName, BuildFigures>();
  for (const { id } of MATCHERS) builds.set(id, JSON.parse(runChild(['--child=build', id])) as BuildFigures);

  const realChat = loadRealChat(realChatDir(ROOT));
  const matchers = new Map<MatcherName, Matcher>();
  const scores = new Map<MatcherName, CorpusScore>();
  const realScores = new Map<MatcherName, RealChatScore[]>();
  for (const { id } of MATCHERS) {
    const matcher = await buildMatcher(id);
    matchers.set(id, matcher);
    scores.set(id, scoreCorpus(corpus, matcher.hits));
    realScores.set(id, [scoreRealChat(realChat, 'tune', matcher.tiered), scoreRealChat(realChat, 'holdout', matcher.tiered)]);
  }

  // Throughput: warm every matcher, then interleave rounds so load on the machine hits all alike.
  for (const m of matchers.values()) for (let p = 0; p < WARMUP_PASSES; p++) for (const l of lines) m.hits(l);
  const rates = new Map<MatcherName, number[]>(MATCHERS.map(({ id }) => [id, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? MATCHERS : [...MATCHERS].reverse();
    for (const { id } of order) {
      const m = matchers.get(id) as Matcher;
      const started = performance.now();
      for (let p = 0; p < PASSES_PER_ROUND; p++) for (const l of lines) m.hits(l);
      (rates.get(id) as number[]).push((performance.now() - started) / 1000);
    }
  }

  const rows = MATCHERS.map(({ id, label }) => {
    const b = builds.get(id) as BuildFigures;
    const s = scores.get(id) as CorpusScore;
    const seconds = median(rates.get(id) as number[]);
    return {
      matcher: label,
      buildMs: Math.round(b.buildMs),
      loadMs: Math.round(b.loadMs),
      heapDeltaMB: round1(b.heapDeltaMB),
      rssDeltaMB: round1(b.rssDeltaMB),
      rssMB: round1(b.rssMB),
      mbPerSecond: round2((bytes * PASSES_PER_ROUND) / 1e6 / seconds),
      messagesPerSecond: Math.round((lines.length * PASSES_PER_ROUND) / seconds),
      recall: round3(s.recall),
      recallByVariant: Object.fromEntries(VARIANTS.map((v) => [v, round3(s.recallByVariant[v] ?? 0)])),
      falsePositiveRate: round3(s.falsePositiveRate),
      falsePositives: s.falsePositives,
    };
  });

  console.log('\nBuild, memory and throughput (full lexicon; build measured cold in a child process)');
  console.log(
    formatTable(
      ['matcher', 'build ms', 'heap Δ MB', 'RSS Δ MB', 'RSS MB', 'MB/s', 'msg/s', 'recall', 'FP rate'],
      rows.map((r) => [r.matcher, r.buildMs, r.heapDeltaMB, r.rssDeltaMB, r.rssMB, r.mbPerSecond, r.messagesPerSecond, pct(r.recall), pct(r.falsePositiveRate)]),
    ),
  );
  console.log('\nRecall per disguise variant');
  console.log(formatTable(['variant', ...rows.map((r) => r.matcher)], [...VARIANTS, 'overall'].map((v) => [v, ...rows.map((r) => pct(v === 'overall' ? r.recall : (r.recallByVariant[v] ?? 0)))])));

  const realRows = MATCHERS.flatMap(({ id, label }) =>
    (realScores.get(id) as RealChatScore[]).map((r) => ({
      matcher: label,
      split: r.split,
      clean: r.clean,
      violations: r.violations,
      recall: round3(r.recall),
      publicRecall: round3(r.publicRecall),
      publicFalseAlarmRate: round3(r.publicFalseAlarmRate),
      reviewNoteRate: round3(r.reviewNoteRate),
    })),
  );
  console.log('\nReal-style class chat (test/fixtures/moderation/real-chat; holdout never used for tuning)');
  console.log(
    formatTable(
      ['matcher', 'split', 'clean', 'violating', 'recall (any tier)', 'recall (public)', 'public false alarms', 'review notes'],
      realRows.map((r) => [r.matcher, r.split, r.clean, r.violations, pct(r.recall), pct(r.publicRecall), pct(r.publicFalseAlarmRate), pct(r.reviewNoteRate)]),
    ),
  );

  // The moderate command on large inputs: corpus lines repeated, in a child process of its own.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'moderate-bench-'));
  const cli: Array<{ lines: number; seconds: number; linesPerSecond: number; peakRssMB: number }> = [];
  try {
    for (const count of CLI_LINES) {
      const file = path.join(dir, `input-${count}.txt`);
      writeFileSync(file, Array.from({ length: count }, (_, i) => lines[i % lines.length]).join('\n') + '\n');
      const r = JSON.parse(runChild(['--child=moderate', file], moderateNodeFlags())) as { lines: number; seconds: number; peakRssMB: number };
      cli.push({ lines: r.lines, seconds: round2(r.seconds), linesPerSecond: Math.round(r.lines / r.seconds), peakRssMB: round1(r.peakRssMB) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n\`moderate\` command (runModerate, file in → /dev/null, full lexicon incl. build, own process with ${moderateNodeFlags().join(' ')} as the command runs)`);
  console.log(formatTable(['lines', 'seconds', 'lines/s', 'peak RSS MB'], cli.map((c) => [c.lines, c.seconds, c.linesPerSecond, c.peakRssMB])));

  // The headline ratio: our msg/s over mint-filter's, from the median round times of the same
  // interleaved rounds (same lines, same passes: msg/s ratio = inverse ratio of the times).
  const detectorSeconds = median(rates.get('detector') as number[]);
  const mintSeconds = median(rates.get('mint-filter') as number[]);
  const moderationVsMintFilter = round2(mintSeconds / detectorSeconds);
  const detectorRow = rows[0];
  const mintRow = rows[1];
  if (detectorRow && mintRow) {
    console.log(
      `\ndetector vs mint-filter throughput: ${moderationVsMintFilter}× ` +
        `(${detectorRow.messagesPerSecond} vs ${mintRow.messagesPerSecond} msg/s, ${detectorRow.mbPerSecond} vs ${mintRow.mbPerSecond} MB/s; goal ≥ 2×)`,
    );
  }

  const out = path.join(ROOT, 'bench', 'results', 'moderation.json');
  mkdirSync(path.dirname(out), { recursive: true });
  const previous = existsSync(out) ? readFileSync(out, 'utf8') : '';
  const result = {
    summary: { moderationVsMintFilter },
    ranAt: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    corpus: { clean: corpus.clean.length, dirty: corpus.dirty.length, bytes },
    throughput: { warmupPasses: WARMUP_PASSES, rounds: ROUNDS, passesPerRound: PASSES_PER_ROUND, statistic: 'median of rounds' },
    matchers: rows,
    realChat: realRows,
    moderateCommand: cli,
  };
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(ROOT, out)}${previous ? ' (replaced the previous run)' : ''}`);
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
function pct(n: number): string {
  return `${(n * 100).toFixed(1)}%`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
