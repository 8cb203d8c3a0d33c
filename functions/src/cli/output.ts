import cliProgress from 'cli-progress';

/**
 * Where a command talks: results to stdout (a person's table, or JSON with --json),
 * operator lines (English) to stderr, and a progress bar only on a terminal.
 */
export interface Output {
  readonly json: boolean;
  /** A result line for the person at the terminal (suppressed with --json). */
  print(line?: string): void;
  /** An operator line (stderr). */
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

/** Build the Output of one command run. */
export function createOutput(options: { json: boolean; stdout?: Stream; stderr?: Stream }): Output {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  return {
    json: options.json,
    print: (line = '') => {
      if (!options.json) stdout.write(`${line}\n`);
    },
    log: (line) => stderr.write(`${line}\n`),
    printJson: (value) => stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    progress: (label, total) => (stderr.isTTY === true ? barProgress(label, total, stderr) : lineProgress(label, total, stderr)),
  };
}

function barProgress(label: string, total: number, stream: Stream): Progress {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} {percentage}% | {duration_formatted}`, stream, clearOnComplete: false, hideCursor: true },
    cliProgress.Presets.shades_classic,
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
