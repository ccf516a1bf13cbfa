import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AtlassianError } from '../../../src/atlassian/errors';
import { send } from '../../../src/atlassian/request';
import { passToPlatform } from '../../../src/atlassian/transport';
import { defineResolver } from '../../../src/resolvers/define';
import { errorBodyOf } from '../../../src/services/errors';
import { fakeTransport, noWait } from './fake-transport';

/** As @forge/api names the error `asUser()` throws before the person has allowed the app to act for them. */
class ConsentNeeded extends Error {
  override readonly name = 'NEEDS_AUTHENTICATION_ERR';
}

const read = { product: 'jira', method: 'GET', path: '/rest/api/3/myself' } as const;

describe('a transport error only the platform can resolve (Forge’s consent prompt)', () => {
  it('leaves send() at the first attempt, as the very error the transport threw', async () => {
    const consent = passToPlatform(new ConsentNeeded('Authentication Required'));
    const transport = fakeTransport(() => {
      throw consent;
    });
    await expect(send(transport, read, { retry: noWait })).rejects.toBe(consent);
    expect(transport.requests).toHaveLength(1);
  });

  it('while a network failure is still retried and ends as an AtlassianError of status 0', async () => {
    const transport = fakeTransport(() => {
      throw new Error('socket hang up');
    });
    const error = await send(transport, read, { retry: noWait }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AtlassianError);
    expect((error as AtlassianError).status).toBe(0);
    expect(transport.requests).toHaveLength(5);
  });

  it('leaves the resolver as an error, so that Forge can ask the person', async () => {
    const consent = passToPlatform(new ConsentNeeded('Authentication Required'));
    const resolver = defineResolver(z.object({}), () => Promise.reject(consent));
    await expect(resolver({ payload: {}, context: { extension: {} } })).rejects.toBe(consent);
  });

  it('while any other failure still answers the typed envelope', async () => {
    const resolver = defineResolver(z.object({}), () =>
      Promise.reject(new ConsentNeeded('not marked: an error like any other')),
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const answer = await resolver({ payload: {}, context: { extension: {} } });
    logged.mockRestore();
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('fails a queued job that meets it (no prompt can show there) with UNAUTHENTICATED, saying what to do', () => {
    const body = errorBodyOf(passToPlatform(new ConsentNeeded('Authentication Required')));
    expect(body.code).toBe('UNAUTHENTICATED');
    expect(body.message).toMatch(/allow access, and start it again/);
  });
});
