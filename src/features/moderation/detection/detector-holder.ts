import { watch, type FSWatcher } from 'node:fs';
import { createDetector } from './create-detector';
import type { Detector, DetectorOptions, ScanResult } from './detector';
import { loadLexicon, type LoadLexiconOptions } from './load-lexicon';

/** Where a DetectorHolder loads its word lists from, and how it builds the detector. */
export interface DetectorHolderOptions extends LoadLexiconOptions {
  lexiconPaths?: string[];
  detectorOptions?: DetectorOptions;
  /** Called when a reload triggered by a file change fails (the old detector stays in use). */
  onReloadError?: (error: unknown) => void;
}

/**
 * Holds the live detector and swaps in a rebuilt one atomically: the new detector is built
 * completely before the reference changes, so a scan always has a detector, old or new.
 */
export class DetectorHolder {
  private current: Detector;
  private watchers: FSWatcher[] = [];
  private pending: Promise<Detector> | null = null;

  private constructor(
    detector: Detector,
    private readonly options: DetectorHolderOptions,
  ) {
    this.current = detector;
  }

  /** Load the word lists and build the first detector. */
  static async create(options: DetectorHolderOptions = {}): Promise<DetectorHolder> {
    return new DetectorHolder(await DetectorHolder.build(options), options);
  }

  /** The detector in use right now. */
  get detector(): Detector {
    return this.current;
  }

  /** Scan with the detector in use right now. */
  scan(text: string): ScanResult {
    return this.current.scan(text);
  }

  /** Rebuild from the word lists and swap the new detector in; on failure the old one stays. */
  async reload(): Promise<Detector> {
    if (!this.pending) {
      this.pending = DetectorHolder.build(this.options).finally(() => {
        this.pending = null;
      });
    }
    const next = await this.pending;
    this.current = next;
    return next;
  }

  /** Reload whenever one of the word-list files changes (debounced); stop with close(). */
  watch(debounceMs = 500): void {
    if (this.watchers.length > 0) return;
    let timer: NodeJS.Timeout | undefined;
    const schedule = (): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        this.reload().catch((error: unknown) => this.options.onReloadError?.(error));
      }, debounceMs);
      timer.unref();
    };
    for (const file of [...(this.options.lexiconPaths ?? []), ...(this.options.allowPaths ?? [])]) {
      const watcher = watch(file, schedule);
      watcher.unref();
      this.watchers.push(watcher);
    }
  }

  /** Stop watching files. */
  close(): void {
    for (const w of this.watchers) w.close();
    this.watchers = [];
  }

  private static async build(options: DetectorHolderOptions): Promise<Detector> {
    const lexicon = await loadLexicon(options.lexiconPaths, options);
    return createDetector(lexicon, options.detectorOptions);
  }
}
