import { describe, expect, it } from 'vitest';
import { ConfluenceClient } from '../../../src/atlassian/confluence';
import { ProductUnavailableError } from '../../../src/atlassian/errors';
import { toFailure } from '../../../src/resolvers/define';
import { fakeTransport, noWait } from './fake-transport';

describe('a site without Confluence (Vertebra requires only Jira)', () => {
  it('is told apart from a missing space: the space list answers 404 only when there is no Confluence', async () => {
    const site = fakeTransport(() => ({ status: 404, body: 'Not Found' }));
    const error = await new ConfluenceClient(site, { retry: noWait })
      .spaceByKey('OPS')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProductUnavailableError);
    expect(site.requests).toHaveLength(1);
  });

  it('while a space key nobody has is simply no space', async () => {
    const site = fakeTransport(() => ({ body: { results: [] } }));
    await expect(new ConfluenceClient(site).spaceByKey('NOPE')).resolves.toBeUndefined();
  });

  it('answers PRODUCT_UNAVAILABLE, saying in plain words what is missing and that the rest works', () => {
    const failure = toFailure(new ProductUnavailableError('confluence', 'Request confluence is not allowed'));
    expect(failure).toMatchObject({ ok: false, error: { code: 'PRODUCT_UNAVAILABLE' } });
    if (!failure.ok) {
      expect(failure.error.message).toMatch(/needs Confluence, which is not installed on this site/);
      expect(failure.error.message).toMatch(/everything else keeps working/);
    }
  });

  it('is not retried when the transport itself refuses the product', async () => {
    const refusal = new ProductUnavailableError('confluence', 'Request confluence is not allowed');
    const site = fakeTransport(() => {
      throw refusal;
    });
    await expect(new ConfluenceClient(site, { retry: noWait }).spaceByKey('OPS')).rejects.toBe(refusal);
    expect(site.requests).toHaveLength(1);
  });
});
