import net from 'node:net';

/**
 * The unit project is pure: a test that opens a connection (a sandbox, a site, anything) belongs in
 * `test/integration/`. Connecting fails the test at once, naming where it tried to go.
 */
const refuse = (where: string): never => {
  throw new Error(`A unit test opened a network connection (${where}); move it to test/integration/.`);
};

net.Socket.prototype.connect = function connect(...args: unknown[]) {
  return refuse(JSON.stringify(args[0] ?? null));
};

net.Server.prototype.listen = function listen(...args: unknown[]) {
  return refuse(`listen ${JSON.stringify(args[0] ?? null)}`);
} as typeof net.Server.prototype.listen;

// fetch answers a rejected promise, as it does when a connection fails.
globalThis.fetch = (input: unknown) => Promise.resolve().then(() => refuse(String(input)));
