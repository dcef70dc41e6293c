/** Small measurement helpers shared by the benchmarks. */

/** The nearest-rank `p`-th percentile (0 < p ≤ 100) of `values`; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/** Samples the process's resident set size while running; `peakBytes` is the highest seen. */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  peakBytes = 0;

  /** Starts sampling every `everyMs`. */
  start(everyMs = 50): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  /** Stops sampling (after one last sample) and returns the peak in bytes. */
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
    return this.peakBytes;
  }

  private sample(): void {
    this.peakBytes = Math.max(this.peakBytes, process.memoryUsage.rss());
  }
}

/** Renders rows as an aligned text table (numbers right-aligned), with a header rule. */
export function formatTable(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cells = rows.map((row) => row.map((c) => String(c)));
  const widths = columns.map((col, i) => Math.max(width(col), ...cells.map((r) => width(r[i] ?? ''))));
  const numeric = columns.map((_, i) => rows.every((r) => typeof r[i] === 'number'));
  const line = (values: readonly string[], alignNumbers: boolean) =>
    values
      .map((v, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - width(v)));
        return alignNumbers && numeric[i] ? pad + v : v + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(columns, false), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map((r) => line(r, true))].join('\n');
}

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}
