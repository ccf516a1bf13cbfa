import { describe, expect, it } from 'vitest';
import { createMemoryStore, createVirtualClock } from '../../../src/platform/local';
import { pacedStore } from '../../../src/services/jobs/pace';

/** A value of 9 KB of JSON: one 10 KB unit of Forge KVS a request. */
const ONE_UNIT = { text: 'x'.repeat(9 * 1024) };
/** A value of 95 KB: ten units. */
const TEN_UNITS = { text: 'x'.repeat(95 * 1024) };
const START = Date.UTC(2026, 10, 16, 9, 0, 0);

/** A store with Forge KVS's budgets a minute, on a virtual clock, and the same store paced as one job step. */
function pacedTwin() {
  const clock = createVirtualClock(START);
  const store = createMemoryStore({}, { clock });
  return { clock, store, paced: pacedStore(store, clock) };
}

describe('a job step’s paced store', () => {
  it('reads three minutes of Forge’s read budget in one step without a single refusal', async () => {
    const { clock, store, paced } = pacedTwin();
    for (let index = 0; index < 120; index++)
      await store.set(`part:${String(index).padStart(3, '0')}`, TEN_UNITS);
    clock.advance(60_000);
    // 12,000 read units: three times Forge's 4,000 a minute.
    for (let pass = 0; pass < 10; pass++)
      for (let index = 0; index < 120; index++) await paced.get(`part:${String(index).padStart(3, '0')}`);
    // Paced at 2,000 units a minute, the step waited five minutes between its stretches.
    expect(clock.now() - START).toBeGreaterThanOrEqual(6 * 60_000);
  });

  it('writes more than a minute’s write budget without a refusal', async () => {
    const { paced } = pacedTwin();
    for (let index = 0; index < 900; index++) await paced.set(`csv:${String(index)}`, TEN_UNITS);
    await expect(paced.get('csv:899')).resolves.toEqual(TEN_UNITS);
  });

  it('keeps requests sent side by side under the budget too', async () => {
    const { clock, store, paced } = pacedTwin();
    for (let index = 0; index < 50; index++) await store.set(`part:${String(index)}`, TEN_UNITS);
    clock.advance(60_000);
    const reads = Array.from({ length: 1000 }, (_, index) => paced.get(`part:${String(index % 50)}`));
    await expect(Promise.all(reads)).resolves.toHaveLength(1000);
  });

  it('does not wait while a step stays well under the budget', async () => {
    const { clock, paced } = pacedTwin();
    for (let index = 0; index < 1000; index++) await paced.set(`mark:${String(index)}`, ONE_UNIT);
    expect(clock.now()).toBe(START);
  });
});
