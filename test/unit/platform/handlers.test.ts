import { describe, expect, it } from 'vitest';
import { resolver } from '../../../src/platform/forge/handlers';

// Forge calls the resolver function with the front end's call and context, plus a runtime payload holding the
// signed-in principal; @forge/resolver itself (not a fake) turns that into the request our resolvers see.
type Invoke = (payload: unknown, runtime?: unknown) => Promise<unknown>;
const invoke = resolver as unknown as Invoke;

describe('Forge resolver entry point', () => {
  it('answers as the signed-in user, in their locale', async () => {
    const result = await invoke(
      {
        call: { functionKey: 'app.whoami', payload: {} },
        context: {
          moduleKey: 'hygiene-issue-panel',
          locale: 'fr_FR',
          extension: { type: 'jira:issuePanel' },
        },
      },
      { principal: { accountId: 'acc-1' } },
    );
    expect(result).toEqual({ ok: true, data: { accountId: 'acc-1', displayName: null, locale: 'fr-FR' } });
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'refuses the key %s, which only Object has, as an unknown resolver',
    async (functionKey) => {
      await expect(invoke({ call: { functionKey, payload: {} }, context: {} })).rejects.toThrow(
        `Resolver has no definition for '${functionKey}'.`,
      );
    },
  );

  it('answers a typed error, not a stack trace, for a payload that breaks the contract', async () => {
    const result = await invoke({ call: { functionKey: 'app.whoami', payload: { extra: 1 } }, context: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
