import cliProgress from 'cli-progress';
import { terminalText } from './terminal-text.js';

/**
 * Where a command talks: results to stdout (a person's table, or JSON with --json), progress and
 * run lines (Vietnamese) to stderr, a progress bar only on a terminal. On a terminal whose locale
 * is not UTF-8, every line but the JSON is written without diacritics (terminal-text.ts).
 */
export interface Output {
  readonly json: boolean;
  /** A result line for the person at the terminal (suppressed with --json). */
  print(line?: string): void;
  /** A line about the run itself, beside the result (stderr). */
  log(line: string): void;
  /** Progress of a long step: a bar on a terminal, plain lines otherwise (CI, pipes). */
  progress(label: string, total: number): Progress;
  /** Write the machine-readable result (with --json). */
  printJson(value: unknown): void;
}

export interface Progress {
  tick(done: number): void;
  stop(): void;
}

type Stream = NodeJS.WritableStream & { isTTY?: boolean };

/** Build the Output of one command run; `utf8: false` (a non-UTF-8 locale) writes ASCII. */
export function createOutput(options: { json: boolean; stdout?: Stream; stderr?: Stream; utf8?: boolean }): Output {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const text = terminalText(options.utf8 ?? true);
  return {
    json: options.json,
    print: (line = '') => {
      if (!options.json) stdout.write(`${text(line)}\n`);
    },
    log: (line) => stderr.write(`${text(line)}\n`),
    printJson: (value) => stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    progress: (label, total) =>
      stderr.isTTY === true
        ? barProgress(text(label), total, stderr, options.utf8 ?? true)
        : lineProgress(text(label), total, stderr),
  };
}

function barProgress(label: string, total: number, stream: Stream, utf8: boolean): Progress {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} {percentage}% | {duration_formatted}`,
      stream,
      clearOnComplete: false,
      hideCursor: true,
    },
    utf8 ? cliProgress.Presets.shades_classic : cliProgress.Presets.legacy,
  );
  bar.start(total, 0);
  return { tick: (done) => bar.update(done), stop: () => bar.stop() };
}

/** Without a terminal: a line at each tenth of the way, so CI logs stay short. */
function lineProgress(label: string, total: number, stream: Stream): Progress {
  const step = Math.max(1, Math.ceil(total / 10));
  return {
    tick: (done) => {
      if (done === total || done % step === 0) stream.write(`${label}: ${done}/${total}\n`);
    },
    stop: () => {},
  };
}
