/** What every benchmark's JSON copy carries besides its results: when, which commit, which host. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './bench-env';

/** The short commit of the working tree, or null outside git. */
export function gitCommit(root = repoRoot()): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** Node version, platform, CPU count and model, and the load average when the run started. */
export function hostInfo(): { node: string; platform: string; cpus: number; cpuModel: string | null; loadAverage: number[] } {
  return {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** Writes `bench/results/<name>.json` (pretty, with a trailing newline) and returns its path. */
export function writeResultJson(name: string, json: unknown): string {
  const dir = path.join(repoRoot(), 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  return file;
}

/** `n` rounded to `digits` decimals. */
export function round(n: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** A progress line on stderr, so stdout stays the table. */
export function progress(line: string): void {
  process.stderr.write(`[bench]   ${line}\n`);
}
