import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/contract/result';
import { asFailure, ResolverFailure, unwrapEnvelope } from '../../../static/src/shell/failure';
import { failureFlag } from '../../../static/src/shell/failure-flag';
import { parseProductContext, routeOf } from '../../../static/src/shell/product-context';
import '../../../static/src/catalogue';
import { translate } from '../../../static/src/shell/translate';

const failureOf = (run: () => unknown): ResolverFailure => {
  try {
    run();
  } catch (error) {
    if (error instanceof ResolverFailure) return error;
    throw error;
  }
  throw new Error('expected a ResolverFailure');
};

describe('reading a resolver answer', () => {
  it('gives the data of a successful answer, even when the data is empty', () => {
    expect(unwrapEnvelope('app.whoami', { ok: true, data: { accountId: 'a1' } })).toEqual({
      accountId: 'a1',
    });
    expect(unwrapEnvelope('app.whoami', { ok: true, data: null })).toBeNull();
  });

  it.each([
    [
      'a failed answer keeps its code and message',
      { ok: false, error: { code: 'JQL_REJECTED', message: "Field 'x' does not exist" } },
      'JQL_REJECTED',
      "Field 'x' does not exist",
    ],
    [
      'an unknown code is treated as our own failure',
      { ok: false, error: { code: 'TEAPOT', message: 'short and stout' } },
      'INTERNAL',
      'short and stout',
    ],
    [
      'an answer in no known shape is our own failure',
      { data: 1 },
      'INTERNAL',
      'Resolver app.whoami answered an unexpected shape.',
    ],
    [
      'a missing message gets a readable one',
      { ok: false, error: { code: 'FORBIDDEN' } },
      'FORBIDDEN',
      'The resolver failed without a message.',
    ],
  ])('%s', (_name, answer, code, message) => {
    const failure = failureOf(() => unwrapEnvelope('app.whoami', answer));
    expect([failure.code, failure.message, failure.resolverKey]).toEqual([code, message, 'app.whoami']);
  });

  it('turns a bridge error (no answer at all) into NETWORK and keeps a failure as it is', () => {
    expect(asFailure('app.whoami', new Error('Unable to establish a connection')).code).toBe('NETWORK');
    const failure = new ResolverFailure('CONFLICT', 'changed', 'templates.install');
    expect(asFailure('app.whoami', failure)).toBe(failure);
  });
});

describe('the flag raised for a failure', () => {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate('fr', key, params);

  it('has a French title of its own for every error code, and the resolver message as description', () => {
    const titles = [...ERROR_CODES, 'NETWORK' as const].map((code) =>
      failureFlag(t, new ResolverFailure(code, `why ${code}`, 'k')),
    );
    expect(new Set(titles.map((flag) => flag.title)).size).toBe(ERROR_CODES.length + 1);
    expect(failureFlag(t, new ResolverFailure('FORBIDDEN', 'Vous ne pouvez pas', 'k'))).toMatchObject({
      title: 'Vous n’avez pas l’autorisation de faire ceci',
      description: 'Vous ne pouvez pas',
      appearance: 'error',
    });
  });

  it.each([
    ['RATE_LIMITED', 'warning', true],
    ['JQL_REJECTED', 'warning', false],
    ['INTERNAL', 'error', false],
    ['NETWORK', 'error', false],
  ] as const)('%s shows as %s (dismissed by itself: %s)', (code, appearance, isAutoDismiss) => {
    expect(failureFlag(t, new ResolverFailure(code, 'x', 'k'))).toMatchObject({ appearance, isAutoDismiss });
  });
});

describe('the product context from the bridge', () => {
  const issuePanel = {
    accountId: '712020:abc',
    moduleKey: 'hygiene-issue-panel',
    locale: 'fr-FR',
    theme: { colorMode: 'dark' },
    extension: {
      type: 'jira:issuePanel',
      issue: { key: 'PAY-12', id: '10012', type: 'Story' },
      project: { key: 'PAY', id: '10001' },
    },
    cloudId: 'ignored-extra-field',
  };

  it('reads the issue, project, locale and colour mode Jira gives an issue panel', () => {
    const context = parseProductContext(issuePanel, undefined);
    expect(context.extension.issue?.key).toBe('PAY-12');
    expect(context.extension.project?.key).toBe('PAY');
    expect([context.locale, context.colorMode, context.route]).toEqual(['fr-FR', 'dark', undefined]);
  });

  it('falls back to the light theme when the host sends no theme (theming off)', () => {
    expect(parseProductContext({ ...issuePanel, theme: null }, undefined).colorMode).toBe('light');
    expect(parseProductContext({ moduleKey: 'dependencies-global-page' }, undefined).colorMode).toBe('light');
  });

  it('refuses a context with no module key, since no screen can be chosen', () => {
    expect(() => parseProductContext({ extension: {} }, undefined)).toThrow();
  });

  it.each([
    ['/hygiene', 'hygiene'],
    ['dependencies/', 'dependencies'],
    ['/dependencies/PAY-12', 'dependencies'],
    ['/', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('the history path %s opens the sub-page %s', (path, route) => {
    expect(routeOf(path)).toBe(route);
  });
});
