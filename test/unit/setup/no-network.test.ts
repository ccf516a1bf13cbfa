import http from 'node:http';
import { describe, expect, it } from 'vitest';

describe('the unit project stays off the network', () => {
  it('refuses a fetch, naming where it went and where the test belongs', async () => {
    await expect(fetch('http://127.0.0.1:9/')).rejects.toThrow(
      'A unit test opened a network connection (http://127.0.0.1:9/); move it to test/integration/.',
    );
  });

  it('refuses to start a server', () => {
    expect(() => http.createServer().listen(0)).toThrow('move it to test/integration/');
  });
});
