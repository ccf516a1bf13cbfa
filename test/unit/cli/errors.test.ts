import { describe, expect, it } from 'vitest';
import { AtlassianError } from '../../../src/atlassian/errors';
import { UsageError } from '../../../src/cli/io';
import { userMessage } from '../../../src/cli/main';
import { AppError } from '../../../src/contract/result';
import { z } from 'zod';

const wrongShape = z.object({ accountId: z.string() }).safeParse({ accountId: 7 }).error;

describe('one-line messages for failures the user can act on', () => {
  const cases: { name: string; error: unknown; expected: string | undefined }[] = [
    {
      name: 'a usage error as written',
      error: new UsageError('--jql is required'),
      expected: '--jql is required',
    },
    {
      name: "a service's typed failure",
      error: new AppError('NOT_FOUND', 'No bundle named "onboarding"'),
      expected: 'No bundle named "onboarding"',
    },
    {
      name: 'an unreachable local site, pointing at the sandbox command',
      error: new AtlassianError('jira', 'GET', '/rest/api/3/myself', 0, [
        'cannot reach http://localhost:8787: connect ECONNREFUSED 127.0.0.1:8787',
      ]),
      expected: 'cannot reach http://localhost:8787: is the sandbox running? (vertebra sandbox)',
    },
    {
      name: 'an unreachable remote site, with the reason',
      error: new AtlassianError('jira', 'GET', '/rest/api/3/myself', 0, [
        'cannot reach https://acme.atlassian.net: getaddrinfo ENOTFOUND acme.atlassian.net',
      ]),
      expected: 'cannot reach https://acme.atlassian.net: getaddrinfo ENOTFOUND acme.atlassian.net',
    },
    {
      name: "a refused JQL, with Jira's message",
      error: new AtlassianError('jira', 'POST', '/rest/api/3/search/jql', 400, ["Field 'x' does not exist."]),
      expected: "Jira answered 400 to POST /rest/api/3/search/jql: Field 'x' does not exist.",
    },
    {
      name: 'a refused sign-in, with where credentials come from',
      error: new AtlassianError('confluence', 'GET', '/wiki/api/v2/spaces', 401, ['Unauthorized']),
      expected:
        'Confluence answered 401 to GET /wiki/api/v2/spaces: Unauthorized (check --as, or ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN)',
    },
    {
      name: 'an answer of the wrong shape in one line, not a schema report',
      error: wrongShape,
      expected:
        'The site answered something Vertebra does not understand (at accountId: Invalid input: expected string, received number)',
    },
    {
      name: 'a long, many-line mismatch folded onto one cut line',
      error: z
        .string()
        .refine(() => false, { message: `first\n${'x'.repeat(300)}` })
        .safeParse('').error,
      expected: `The site answered something Vertebra does not understand (first ${'x'.repeat(153)}…)`,
    },
    {
      name: 'nothing for a bug, which deserves its stack trace',
      error: new TypeError('x is undefined'),
      expected: undefined,
    },
  ];
  it.each(cases)('gives $name', ({ error, expected }) => {
    expect(userMessage(error)).toBe(expected);
  });
});
