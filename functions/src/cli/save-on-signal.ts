import { constants } from 'node:os';
import { SESSION } from './messages.js';

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * While installed, Ctrl-C (SIGINT), SIGTERM or SIGHUP runs `shutdown` (save the embedded data,
 * stop the emulator, release the folder) and then exits with 128 + the signal's number (130 for
 * Ctrl-C, 143 for SIGTERM). A second signal while saving exits at once. Returns the uninstaller.
 */
export function saveOnSignal(
  shutdown: (signal: NodeJS.Signals) => Promise<void>,
  log: (line: string) => void,
): () => void {
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    const code = 128 + (constants.signals[signal] ?? 0);
    if (shuttingDown) process.exit(code);
    shuttingDown = true;
    shutdown(signal).then(
      () => process.exit(code),
      (error: unknown) => {
        log(SESSION.interruptedSaveFailed(signal, error instanceof Error ? error.message : String(error)));
        process.exit(code);
      },
    );
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
}
