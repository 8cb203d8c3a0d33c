import { watch, type FSWatcher } from 'node:fs';

/**
 * Changes to the unit workbooks of a folder, debounced: a save is often several writes (a temp
 * file, a rename), and several units may save at once; one quiet spell gives one change.
 * Lock and temp files (~$x.xlsx, .~lock.x.xlsx#, .x.xlsx.tmp) do not count.
 */
export class FolderWatch {
  private readonly watcher: FSWatcher;
  private readonly changedFiles = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  /** The folder has been quiet for the debounce since the last change. */
  private quiet = false;
  private wake: (() => void) | undefined;

  constructor(
    readonly dir: string,
    debounceMs: number,
  ) {
    this.watcher = watch(dir, (_event, name) => {
      if (typeof name !== 'string' || !isUnitWorkbook(name)) return;
      this.changedFiles.add(name);
      this.quiet = false;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.quiet = true;
        this.wake?.();
      }, debounceMs);
    });
  }

  /**
   * The workbooks that changed since the last call, once the folder has been quiet for the
   * debounce; an empty list when `stop` fires first. Changes made while the caller was busy are kept.
   */
  async next(stop: AbortSignal): Promise<string[]> {
    while (!stop.aborted && !(this.quiet && this.changedFiles.size > 0)) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        stop.addEventListener('abort', () => resolve(), { once: true });
      });
      this.wake = undefined;
    }
    if (stop.aborted) return [];
    this.quiet = false;
    const files = [...this.changedFiles].sort();
    this.changedFiles.clear();
    return files;
  }

  close(): void {
    clearTimeout(this.timer);
    this.watcher.close();
  }
}

function isUnitWorkbook(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return /\.xlsx$/i.test(base) && !base.startsWith('~$') && !base.startsWith('.');
}
