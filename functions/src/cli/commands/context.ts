import path from 'node:path';
import type { Config } from '../../config.js';
import { CONTROL_FILE } from '../../jobs/demo/write-demo-district.js';
import type { Output } from '../output.js';

/** What every command gets: the validated configuration and where to talk. */
export interface CommandContext {
  readonly config: Config;
  readonly out: Output;
}

/** Where `tonghop demo` keeps its sample district. */
export function demoDir(config: Config): string {
  return path.join(config.home, 'demo');
}

/** The control workbook a command works on: the one given, else the demo's in TONGHOP_HOME. */
export function controlWorkbookPath(config: Config, given: string | undefined): string {
  return path.resolve(given ?? path.join(demoDir(config), CONTROL_FILE));
}
