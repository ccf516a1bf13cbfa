#!/usr/bin/env node
// The `vertebra` command runs the TypeScript sources through tsx, so the CLI, the sandbox and Forge share one
// code base with no separate build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const entry = new URL('../src/cli/main.ts', import.meta.url);
const { main } = await import(fileURLToPath(entry));
process.exitCode = await main(process.argv.slice(2));
