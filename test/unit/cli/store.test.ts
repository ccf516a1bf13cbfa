import { describe, expect, it } from 'vitest';
import { storeDirOf } from '../../../src/cli/options';

describe('where a CLI run keeps its records', () => {
  it.each([
    [
      'a real site: under the XDG state folder, per host',
      { site: 'https://acme.atlassian.net' },
      { HOME: '/home/priya' },
      '/home/priya/.local/state/vertebra/acme.atlassian.net',
    ],
    [
      'XDG_STATE_HOME when set',
      { site: 'https://acme.atlassian.net' },
      { HOME: '/home/priya', XDG_STATE_HOME: '/var/state' },
      '/var/state/vertebra/acme.atlassian.net',
    ],
    [
      'a sandbox on this machine: nothing kept (it starts afresh)',
      { site: 'http://localhost:8787' },
      { HOME: '/home/priya' },
      undefined,
    ],
    [
      '$VERTEBRA_STORE over the default',
      { site: 'https://acme.atlassian.net' },
      { HOME: '/home/priya', VERTEBRA_STORE: '/tmp/v' },
      '/tmp/v',
    ],
    [
      '--store over everything',
      { site: 'http://127.0.0.1:9000', store: '/tmp/mine' },
      { VERTEBRA_STORE: '/tmp/v' },
      '/tmp/mine',
    ],
    [
      '--store memory keeps nothing',
      { site: 'https://acme.atlassian.net', store: 'memory' },
      { HOME: '/home/priya' },
      undefined,
    ],
    ['no home to keep it in: nothing kept', { site: 'https://acme.atlassian.net' }, {}, undefined],
  ])('%s', (_name, options, env, expected) => {
    expect(storeDirOf(options, env)).toBe(expected);
  });
});
