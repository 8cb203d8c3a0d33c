#!/usr/bin/env node
// Thin launcher: the CLI is compiled from functions/src/cli by `npm run build`.
import { main } from '../lib/cli/main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
