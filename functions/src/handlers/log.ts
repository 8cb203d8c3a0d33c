/**
 * Structured logs for Cloud Logging: one JSON object a line, with `severity`. Only ids and counts:
 * never names, phone numbers, emails or cell values (DESIGN "Security").
 */
export type Severity = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

export interface LogFields {
  readonly runId?: string;
  readonly unitId?: string;
  readonly [field: string]: string | number | boolean | undefined;
}

/** Where log lines go: stdout, which Cloud Functions sends to Cloud Logging (tests capture it here). */
export const logging = {
  sink: (line: string): void => {
    process.stdout.write(line);
  },
};

/** Write one log entry. */
export function log(severity: Severity, message: string, fields: LogFields = {}): void {
  logging.sink(`${JSON.stringify({ severity, message, ...fields })}\n`);
}
