// Bundles the app in the current folder as `forge deploy` does, offline: the manifest's function handlers
// (ConfigFile.getAppHandlers) become entry points (getEntryPoints), and @forge/bundler's Node runtime bundler
// (getNodeBundler: webpack + ts-loader over the root tsconfig.json) builds them into a temporary folder.
// Prints {"outputDir", "files", "modules"} as JSON on stdout.
//
// CommonJS on purpose: the bundler refuses to run without `require.main`, which only a CommonJS entry point
// (like the Forge CLI) has. The Forge CLI downloads the runtime wrapper from Atlassian's CDN and adds it to the
// upload beside the bundle; the bundle itself does not depend on it, so an empty wrapper stands in offline.
const { readdirSync } = require('node:fs');
const { getEntryPoints, getNodeBundler } = require('@forge/bundler');
const { ConfigFile, FileSystemReader, FileSystemWriter } = require('@forge/cli-shared');

const offlineWrapper = { script: '', source: 'offline', version: 'offline' };
const wrapperProvider = {
  getNodeRuntimeWrapper: () => Promise.resolve(offlineWrapper),
  getNodeRuntimeLoader: () => Promise.resolve(offlineWrapper),
};
const logger = {
  traceEnabled: false,
  debugEnabled: false,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message) => process.stderr.write(`${message}\n`),
  error: (error) => process.stderr.write(`${error.message}\n`),
};

async function main() {
  const config = new ConfigFile(new FileSystemReader(), new FileSystemWriter());
  const entryPoints = getEntryPoints(await config.getAppHandlers());
  const bundler = getNodeBundler(logger, wrapperProvider, config);
  const output = await bundler.bundle({ appDirectory: process.cwd(), entryPoints });
  process.stdout.write(
    JSON.stringify({
      outputDir: output.outputDir,
      files: readdirSync(output.outputDir).sort(),
      modules: output.metadata?.modules ?? [],
    }),
  );
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
