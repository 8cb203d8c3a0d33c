// The tonghop CLI as its own process, straight from the sources (spawned through vite-node by cli-process.ts).
import { main } from '../../functions/src/cli/main.js';

process.exitCode = await main(process.argv);
