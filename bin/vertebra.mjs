#!/usr/bin/env node
// The `vertebra` command runs the TypeScript sources through tsx, so the CLI, the sandbox and Forge share one
// code base with no separate build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const source = (file) => fileURLToPath(new URL(file, import.meta.url));
const { main } = await import(source('../src/cli/main.ts'));
// The CLI is handed the sandbox rather than importing it: src/cli does not depend on the emulator.
const { launchSandbox } = await import(source('../sandbox/launcher.ts'));
process.exitCode = await main(process.argv.slice(2), undefined, { launchSandbox });
