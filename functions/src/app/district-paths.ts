import path from 'node:path';
import type { Config } from '../config.js';
import { CONTROL_FILE } from '../adapters/workbook/district-folder.js';

/** Where `tonghop demo` keeps its sample district. */
export function demoDir(config: Config): string {
  return path.join(config.home, 'demo');
}

/** The control workbook to work on: the one given, else TONGHOP_CONTROL_WORKBOOK, else the demo's in TONGHOP_HOME. */
export function controlWorkbookPath(config: Config, given: string | undefined): string {
  return path.resolve(given ?? config.controlWorkbook ?? path.join(demoDir(config), CONTROL_FILE));
}
