import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../src/hygiene/rules';
import { hygieneResolvers } from '../../../src/resolvers/hygiene';
import { useDemoSite } from '../helpers/demo-site';

const MARCUS = '712020:a0000000-0000-4000-8000-000000000003';

const site = useDemoSite(hygieneResolvers);

describe("the rules' words the screens speak", () => {
  it('gives every built-in rule in the order people read them, in English and French', async () => {
    const result = await site.resolvers['hygiene.words']({
      payload: {},
      context: { accountId: MARCUS, extension: {} },
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.map((words) => words.rule)).toEqual(RULE_IDS);
    const stale = result.data.find((words) => words.rule === 'stale-in-progress');
    expect(stale?.en.title).toBe('Stale in progress');
    expect(stale?.fr.title).toBe('En cours mais à l’arrêt');
    expect(stale?.fr.options).toEqual([{ key: 'days', label: 'Jours sans mise à jour' }]);
    expect(stale?.fr.messages).toEqual([
      {
        id: 'stale-in-progress',
        template:
          'En cours et sans mise à jour depuis {idle, plural, # jour|# jours} (limite {limit, plural, # jour|# jours}).',
      },
    ]);
  });

  it('answers nobody who is not signed in', async () => {
    const result = await site.resolvers['hygiene.words']({ payload: {}, context: { extension: {} } });
    expect(result.ok ? 'ok' : result.error.code).toBe('UNAUTHENTICATED');
  });
});
