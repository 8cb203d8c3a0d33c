import type { Config } from '../../config.js';
import type { Output } from '../output.js';

export { controlWorkbookPath, demoDir } from '../../app/district-paths.js';

/** What every command gets: the validated configuration and where to talk. */
export interface CommandContext {
  readonly config: Config;
  readonly out: Output;
}
