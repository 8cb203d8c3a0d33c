/** The CLI's exit codes: 0 done, 1 problems found (in the data, or a run that stopped and can be re-run), 2 usage or configuration. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
/** What an error ends a command with: never 0. */
export type FailureExitCode = Exclude<ExitCode, typeof EXIT.ok>;
