import { describe, expect, it } from 'vitest';
import { createResolverHost } from '../../../sandbox/playground/resolver-host';
import { createLocalPlatform } from '../../../src/platform/local/index';

// app.whoami reads only the context, so no site needs to answer; the platform is never reached.
const invoke = createResolverHost(createLocalPlatform({ siteUrl: 'http://127.0.0.1:9' }));
const context = { accountId: 'u-priya', moduleKey: 'hygiene-issue-panel', locale: 'fr-FR', extension: {} };

describe('the playground’s resolver host (the bridge shim’s invoke)', () => {
  it('runs the app’s resolver with the frame’s context and the principal as the acting user', async () => {
    const answer = await invoke({ functionKey: 'app.whoami', payload: {}, context });
    expect(answer).toMatchObject({
      status: 200,
      body: { ok: true, data: { accountId: 'u-priya', locale: 'fr-FR' } },
    });
  });

  it('answers the typed envelope, not an exception, for a payload the resolver refuses', async () => {
    const answer = await invoke({ functionKey: 'app.whoami', payload: { admin: true }, context });
    expect(answer).toMatchObject({ status: 200, body: { ok: false, error: { code: 'INVALID_INPUT' } } });
  });

  it.each([
    [
      'an unknown resolver key, as Forge rejects the invoke',
      { functionKey: 'nope', payload: {}, context },
      500,
      "Resolver has no definition for 'nope'.",
    ],
    [
      'a key that only Object has (constructor)',
      { functionKey: 'constructor', payload: {}, context },
      500,
      "Resolver has no definition for 'constructor'.",
    ],
    [
      'a key that only Object has (toString)',
      { functionKey: 'toString', payload: {}, context },
      500,
      "Resolver has no definition for 'toString'.",
    ],
    ['a body that is not an invoke call', { payload: {} }, 400, 'functionKey'],
    [
      'a payload over Forge’s 500 KB limit',
      { functionKey: 'app.whoami', payload: { text: 'x'.repeat(512 * 1024) }, context },
      400,
      '500 KB',
    ],
  ])('refuses %s', async (_name, body, status, message) => {
    const answer = await invoke(body);
    expect(answer.status).toBe(status);
    expect(JSON.stringify(answer.body)).toContain(message);
  });
});
