/**
 * Where the application layer tells the operator what happened: English, ids and counts only,
 * never names, phone numbers, emails or cell values. Cloud Functions log structured lines to
 * Cloud Logging (handlers/log.ts); the CLI writes the same line to stderr.
 */
export type OperatorSeverity = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

export interface OperatorFields {
  readonly runId?: string;
  readonly unitId?: string;
  readonly [field: string]: string | number | boolean | undefined;
}

export type OperatorLog = (severity: OperatorSeverity, message: string, fields?: OperatorFields) => void;

/** An operator log that writes one plain line (the CLI's stderr): the message, then its fields as key=value. */
export function lineOperatorLog(write: (line: string) => void): OperatorLog {
  return (_severity, message, fields = {}) => {
    const extra = Object.entries(fields)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${String(value)}`);
    write(extra.length > 0 ? `${message} (${extra.join(', ')})` : message);
  };
}
