import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
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
    /** The word-list files as they were when the last build (or failed attempt) read them. */
    private builtFrom: string,
  ) {
    this.current = detector;
  }

  /** Load the word lists and build the first detector. */
  static async create(options: DetectorHolderOptions = {}): Promise<DetectorHolder> {
    const stamp = await fileStamp(filesOf(options));
    return new DetectorHolder(await DetectorHolder.build(options), options, stamp);
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
      this.pending = (async () => {
        // Stamped before reading: a file edited during the build is seen as changed next time.
        this.builtFrom = await fileStamp(filesOf(this.options));
        return DetectorHolder.build(this.options);
      })().finally(() => {
        this.pending = null;
      });
    }
    const next = await this.pending;
    this.current = next;
    return next;
  }

  /**
   * Reloads when a word-list file's modification time, size or inode differs from what the
   * last build (or failed attempt) read; true when it reloaded. A periodic call backs up
   * watch(), which misses a file replaced by rename (editors, mounted config maps) and some
   * network file systems; a file that failed to load is retried only once it changes again.
   */
  async reloadIfChanged(): Promise<boolean> {
    if ((await fileStamp(filesOf(this.options))) === this.builtFrom) return false;
    await this.reload();
    return true;
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
    for (const file of filesOf(this.options)) {
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
    const { createDetector } = await loadDetectorBuilder();
    return createDetector(lexicon, options.detectorOptions);
  }
}

/**
 * The detector's builder (word segmentation, sound-alike and slang data, about 18 MB resident),
 * loaded by the first build: a process that imports the moderation feature without moderating
 * (a worker, a one-off command) does not carry it.
 */
export function loadDetectorBuilder(): Promise<typeof import('./create-detector')> {
  return import('./create-detector');
}

/** The word-list files a holder reads besides the project's own data files. */
function filesOf(options: DetectorHolderOptions): string[] {
  return [...(options.lexiconPaths ?? []), ...(options.allowPaths ?? [])];
}

/** What the files look like on disk now (a missing file counts as a state of its own). */
async function fileStamp(files: string[]): Promise<string> {
  const parts = await Promise.all(
    files.map(async (file) => {
      try {
        const s = await stat(file);
        return `${file}:${s.ino}:${s.size}:${s.mtimeMs}`;
      } catch {
        return `${file}:missing`;
      }
    }),
  );
  return parts.join('|');
}
