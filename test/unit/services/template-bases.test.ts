import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/platform/local';
import { readBases, writeBase } from '../../../src/services/templates/records';

describe('the bodies pages were installed with', () => {
  it('are given back per page for the space and bundle asked, never those of a bundle whose id starts alike', async () => {
    const store = createMemoryStore();
    await writeBase(store, 'OPS', 'demo', 'home', '<p>Home</p>');
    await writeBase(store, 'OPS', 'demo', 'faq', '<p>FAQ</p>');
    await writeBase(store, 'OPS', 'demo-2', 'home', '<p>Other bundle</p>');
    await writeBase(store, '~priya', 'demo', 'home', '<p>Personal space</p>');
    expect(await readBases(store, 'OPS', 'demo')).toEqual(
      new Map([
        ['faq', '<p>FAQ</p>'],
        ['home', '<p>Home</p>'],
      ]),
    );
    expect(await readBases(store, '~priya', 'demo')).toEqual(new Map([['home', '<p>Personal space</p>']]));
  });

  it('replace the body kept for a page when it is installed again', async () => {
    const store = createMemoryStore();
    await writeBase(store, 'OPS', 'demo', 'home', '<p>1.0.0</p>');
    await writeBase(store, 'OPS', 'demo', 'home', '<p>1.1.0</p>');
    expect(await readBases(store, 'OPS', 'demo')).toEqual(new Map([['home', '<p>1.1.0</p>']]));
  });

  it.each([
    ['200 KiB of plain text and more', 'x'.repeat(201 * 1024)],
    ['fewer characters than that, but more bytes once accented', 'é'.repeat(110 * 1024)],
  ])('are not kept when too large for one store value (%s), and nothing is written', async (_name, body) => {
    const store = createMemoryStore();
    expect(await writeBase(store, 'OPS', 'demo', 'home', `<p>${body}</p>`)).toBe(false);
    expect(await readBases(store, 'OPS', 'demo')).toEqual(new Map());
  });
});
