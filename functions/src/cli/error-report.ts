import { ADVICE } from '../domain/errors/advice.js';
import { EXIT, type ExitCode } from '../domain/errors/exit-code.js';
import { OperatorError } from '../domain/errors/operator-error.js';
import { PersonError } from '../domain/errors/person-error.js';

/** How an error reaches the person: the lines to print on stderr (the last one says what to do, in Vietnamese) and the exit code. */
export interface ErrorReport {
  readonly exitCode: ExitCode;
  readonly lines: readonly string[];
}

/**
 * Any error a command throws, as the person sees it: never a stack trace. An operator error
 * prints its English message and fix, then the Vietnamese sentence of what to do; a person's
 * error prints its Vietnamese message (and a sentence of advice when it has one); anything else
 * is an unexpected failure, exit 1.
 */
export function errorReport(error: unknown): ErrorReport {
  const said = (exitCode: ExitCode, advice: string | undefined, ...extra: string[]): ErrorReport => ({
    exitCode,
    lines: [`tonghop: ${messageOf(error)}`, ...extra.map((line) => `  → ${line}`), ...(advice ? [advice] : [])],
  });
  if (error instanceof OperatorError) return said(error.exitCode, error.advice, error.fix);
  if (error instanceof PersonError) return said(error.exitCode, error.advice);
  return {
    exitCode: EXIT.problems,
    lines: [
      `tonghop: lỗi ngoài dự kiến${error instanceof Error ? ` (${error.name})` : ''}: ${messageOf(error)}`,
      ADVICE.unexpected,
    ],
  };
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message.trim() || error.name;
}
