/**
 * `npm run bench` — runs the benchmarks one after another, each in its own Node process (so one
 * run's heap, FerretDB and peak RSS never colour the next): sign-in first, then the reminder
 * fan-out, then the daily digest. Each prints its table to stdout and writes its JSON copy under
 * bench/results/. Exits with status 1 when any of them did. Option: --only=sign-in,reminders,digest.
 * MONGODB_URI and REDIS_URL pass through to every benchmark.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** One benchmark the runner starts: its compiled entry point and the Node flags it needs. */
interface BenchEntry {
  id: string;
  file: string;
  nodeArgs: string[];
}

const BENCHES: BenchEntry[] = [
  { id: 'sign-in', file: 'sign-in.bench.js', nodeArgs: [] },
  { id: 'reminders', file: 'reminders.bench.js', nodeArgs: [] },
  // --expose-gc: the digest collects garbage after setup, so its RSS figures start from a clean heap.
  { id: 'digest', file: 'digest.bench.js', nodeArgs: ['--expose-gc'] },
];

/** Runs one compiled benchmark with inherited stdio; resolves with its exit status. */
function runChild(entry: BenchEntry, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...entry.nodeArgs, path.join(__dirname, entry.file)], { stdio: 'inherit', env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.removeListener('SIGINT', forward);
      process.removeListener('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on('error', (err) => {
      process.stderr.write(`[bench] could not start ${entry.file}: ${err.message}\n`);
      resolve(1);
    });
  });
}

/** Runs the selected benchmarks in order; returns each one's exit status and wall time. */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<{ id: string; status: number; seconds: number }[]> {
  let only: string[] | null = null;
  for (const arg of argv) {
    const [key, value] = arg.split('=', 2) as [string, string | undefined];
    const ids = value?.split(',') ?? [];
    if (key === '--only' && ids.length > 0 && ids.every((id) => BENCHES.some((b) => b.id === id))) only = ids;
    else throw new Error(`bad argument ${arg} (use --only=${BENCHES.map((b) => b.id).join(',')})`);
  }
  const outcomes: { id: string; status: number; seconds: number }[] = [];
  for (const entry of BENCHES.filter((b) => !only || only.includes(b.id))) {
    process.stderr.write(`\n[bench] ===== ${entry.id} =====\n`);
    const started = performance.now();
    const status = await runChild(entry, env);
    outcomes.push({ id: entry.id, status, seconds: Math.round((performance.now() - started) / 100) / 10 });
  }
  process.stderr.write(`\n[bench] ${outcomes.map((o) => `${o.id} ${o.seconds} s${o.status === 0 ? '' : ` (exit ${o.status})`}`).join(', ')}\n`);
  return outcomes;
}

if (require.main === module) {
  main(process.argv.slice(2), process.env)
    .then((outcomes) => {
      if (outcomes.some((o) => o.status !== 0)) process.exitCode = 1;
    })
    .catch((err: unknown) => {
      process.stderr.write(`[bench] ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    });
}
