import { describe, expect, it } from 'vitest';
import {
  FINDING_MESSAGES_EN,
  formatFindingMessage,
  type FindingMessageId,
} from '../../../src/shared/finding-messages';
import { evaluateIssue } from '../../../src/hygiene/evaluate';
import { DEFAULT_ORG_CONFIG, effectiveRules } from '../../../src/hygiene/config';
import { RULES } from '../../../src/hygiene/rules';
import { findingMessages } from '../../../static/src/hygiene/messages';
import { adf, checkMessage, DONE, FIELD_MAP, h, healthyFields, NOW, p, status, type } from './issues';

const blocks = { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };
const linked = (key: string, category: 'new' | 'indeterminate' | 'done') => ({
  type: blocks,
  inwardIssue: { key, fields: { status: { name: category, statusCategory: { key: category } } } },
});
const sprint = (n: number, state: 'closed' | 'active') => ({ id: n, name: `PAY Sprint ${String(n)}`, state });
const aDay = 86_400_000;
const updatedDaysAgo = (days: number) => new Date(NOW - days * aDay).toISOString();

/**
 * Every finding template, by message id: the rules' own (from their words) and the general catalogue's. This is
 * the one test that reads the words themselves; the rule tests assert message ids and parameters.
 */
const TEMPLATES: ReadonlyMap<string, { readonly en: string; readonly fr: string }> = new Map([
  ...RULES.flatMap((rule) =>
    Object.entries(rule.words.en.messages).map(
      ([id, en]) => [id, { en, fr: rule.words.fr.messages[id] ?? '' }] as const,
    ),
  ),
  ...(Object.keys(FINDING_MESSAGES_EN) as FindingMessageId[]).map(
    (id) => [id, { en: FINDING_MESSAGES_EN[id], fr: findingMessages.fr[id] }] as const,
  ),
]);

/** The French a reader sees for a finding. */
function french(id: string, params: Readonly<Record<string, string | number>>): string {
  return formatFindingMessage('fr', TEMPLATES.get(id)?.fr ?? `missing ${id}`, params);
}

// Each case: a rule on a real-looking issue, the message id it gives, and the English and French a person
// reads (written out by hand). Status names come lower-cased from the issue view, as rules compare them.
const cases: readonly [
  name: string,
  rule: string,
  fields: Record<string, unknown>,
  options: Record<string, unknown>,
  id: string,
  english: string,
  french: string,
][] = [
  [
    'an empty description',
    'description-missing',
    { description: null },
    {},
    'description-missing',
    'The description is empty.',
    'La description est vide.',
  ],
  [
    'a one-word description',
    'description-too-short',
    { description: adf(p('Refactor')) },
    {},
    'description-too-short',
    'The description has 1 word; at least 15 are expected.',
    'La description compte 1 mot ; il en faut au moins 15.',
  ],
  [
    'a three-word description',
    'description-too-short',
    { description: adf(p('Fix the banner')) },
    {},
    'description-too-short',
    'The description has 3 words; at least 15 are expected.',
    'La description compte 3 mots ; il en faut au moins 15.',
  ],
  [
    'a story with no criteria anywhere',
    'acceptance-criteria-missing',
    { description: adf(p('Shoppers want to pay with a saved card so that checkout takes one tap.')) },
    {},
    'acceptance-criteria-missing',
    'No acceptance criteria: neither in the field nor under a heading.',
    'Aucun critère d’acceptation : ni dans le champ, ni sous un titre.',
  ],
  [
    'a criteria heading with nothing under it',
    'acceptance-criteria-missing',
    { description: adf(p('Shoppers want to pay with a saved card.'), h(2, 'Acceptance criteria')) },
    {},
    'acceptance-criteria-missing.empty-heading',
    'The "Acceptance criteria" heading has nothing under it.',
    'Le titre « Acceptance criteria » n’est suivi de rien.',
  ],
  [
    'criteria with vague words',
    'acceptance-criteria-vague',
    {
      description: adf(
        p('Shoppers want to pay with a saved card.'),
        h(2, 'Acceptance criteria'),
        p('Checkout should work and be fast.'),
      ),
    },
    {},
    'acceptance-criteria-vague.words',
    'The acceptance criteria use vague words: "should work", "fast".',
    'Les critères d’acceptation emploient des mots vagues : "should work", "fast".',
  ],
  [
    'criteria in prose',
    'acceptance-criteria-vague',
    {
      description: adf(
        p('Shoppers want to pay with a saved card.'),
        h(2, 'Acceptance criteria'),
        p('The card is saved and shown in the profile page afterwards.'),
      ),
    },
    {},
    'acceptance-criteria-vague.prose',
    'The acceptance criteria are prose: no checklist, numbered items or Given / When / Then.',
    'Les critères d’acceptation sont rédigés en prose : ni cases à cocher, ni liste numérotée, ni Étant donné / Quand / Alors.',
  ],
  [
    'work in progress nobody owns',
    'assignee-missing',
    { assignee: null, status: status('In Review', 'indeterminate') },
    {},
    'assignee-missing',
    'The issue is "in review" but nobody is assigned.',
    'Le ticket est « in review » mais personne n’en est responsable.',
  ],
  [
    'unestimated work in progress',
    'estimate-missing',
    { customfield_10016: null },
    {},
    'estimate-missing.in-progress',
    'The issue is in progress with no estimate.',
    'Le ticket est en cours sans estimation.',
  ],
  [
    'an unestimated story planned in the open sprint',
    'estimate-missing',
    { customfield_10016: null, status: status('To Do', 'new') },
    {},
    'estimate-missing.open-sprint',
    'The issue is in the open sprint "PAY Sprint 12" with no estimate.',
    'Le ticket est dans le sprint ouvert « PAY Sprint 12 » sans estimation.',
  ],
  [
    'a story outside any epic',
    'parent-missing',
    { parent: null },
    {},
    'parent-missing',
    'This story has no parent epic.',
    'Ce ticket (story) n’a pas d’epic parent.',
  ],
  [
    'an issue untouched for 20 days',
    'stale-in-progress',
    { updated: updatedDaysAgo(20) },
    {},
    'stale-in-progress',
    'In progress and not updated for 20 days (limit 14 days).',
    'En cours et sans mise à jour depuis 20 jours (limite 14 jours).',
  ],
  [
    'an issue untouched for 2 days with a 1-day limit',
    'stale-in-progress',
    { updated: updatedDaysAgo(2) },
    { days: 1 },
    'stale-in-progress',
    'In progress and not updated for 2 days (limit 1 day).',
    'En cours et sans mise à jour depuis 2 jours (limite 1 jour).',
  ],
  [
    'an issue in progress for 45 days',
    'long-in-progress',
    { statuscategorychangedate: updatedDaysAgo(45) },
    {},
    'long-in-progress',
    'In progress for 45 days (limit 30 days).',
    'En cours depuis 45 jours (limite 30 jours).',
  ],
  [
    'a due date a week ago',
    'due-date-passed',
    { duedate: '2026-11-09' },
    {},
    'due-date-passed',
    'Due 2026-11-09, 7 days ago, and still unresolved.',
    'Échéance au 2026-11-09, dépassée de 7 jours, et toujours pas résolu.',
  ],
  [
    'a due date yesterday',
    'due-date-passed',
    { duedate: '2026-11-15' },
    {},
    'due-date-passed',
    'Due 2026-11-15, 1 day ago, and still unresolved.',
    'Échéance au 2026-11-15, dépassée de 1 jour, et toujours pas résolu.',
  ],
  [
    'a closed issue with no resolution',
    'resolution-mismatch',
    { status: status('Closed', 'done'), resolution: null },
    {},
    'resolution-mismatch.done-unresolved',
    'The issue is "closed" (done) but has no resolution.',
    'Le ticket est « closed » (terminé) mais n’a pas de résolution.',
  ],
  [
    'an open issue resolved as fixed',
    'resolution-mismatch',
    { resolution: { name: 'Fixed' } },
    {},
    'resolution-mismatch.open-resolved',
    'The issue is "in progress" (not done) but resolved as "Fixed".',
    'Le ticket est « in progress » (non terminé) mais résolu en « Fixed ».',
  ],
  [
    'a flagged issue with no blocking link',
    'blocked-without-link',
    { customfield_10021: [{ value: 'Impediment' }] },
    {},
    'blocked-without-link.flagged',
    'The issue is flagged but no link says what blocks it.',
    'Le ticket est signalé, mais aucun lien ne dit ce qui le bloque.',
  ],
  [
    'an issue in a blocked status with no link',
    'blocked-without-link',
    { status: status('Blocked', 'indeterminate') },
    {},
    'blocked-without-link.status',
    'The issue is in status "Blocked" but no link says what blocks it.',
    'Le ticket est au statut « Blocked », mais aucun lien ne dit ce qui le bloque.',
  ],
  [
    'an issue labelled blocked with no link',
    'blocked-without-link',
    { labels: ['blocked'] },
    {},
    'blocked-without-link.label',
    'The issue is labelled "blocked" but no link says what blocks it.',
    'Le ticket porte l’étiquette « blocked », mais aucun lien ne dit ce qui le bloque.',
  ],
  [
    'an issue whose blockers are all done',
    'blocker-resolved',
    { issuelinks: [linked('PLT-9', 'done'), linked('DAT-2', 'done')] },
    {},
    'blocker-resolved',
    'Every blocker is done (PLT-9, DAT-2); the issue can move.',
    'Tous les bloqueurs sont terminés (PLT-9, DAT-2) ; le ticket peut avancer.',
  ],
  [
    'a bug with only its steps',
    'bug-missing-repro',
    {
      issuetype: type('Bug'),
      description: adf(h(3, 'Steps to reproduce'), p('Open checkout with a saved card and pay.')),
    },
    {},
    'bug-missing-repro',
    'The bug report lacks: expected result, actual result.',
    'Il manque au rapport de bug : résultat attendu, résultat obtenu.',
  ],
  [
    'a bug with no repro at all',
    'bug-missing-repro',
    { issuetype: type('Bug'), description: adf(p('Checkout is broken for some shoppers since Monday.')) },
    {},
    'bug-missing-repro',
    'The bug report lacks: steps to reproduce, expected result, actual result.',
    'Il manque au rapport de bug : étapes pour reproduire, résultat attendu, résultat obtenu.',
  ],
  [
    'an issue carried through three sprints',
    'sprint-carry-over',
    {
      customfield_10020: [
        sprint(9, 'closed'),
        sprint(10, 'closed'),
        sprint(11, 'closed'),
        sprint(12, 'active'),
      ],
    },
    {},
    'sprint-carry-over',
    'Carried through 3 closed sprints (limit 3).',
    'Reporté sur 3 sprints terminés (limite 3).',
  ],
  [
    'an issue carried through one sprint with a limit of one',
    'sprint-carry-over',
    { customfield_10020: [sprint(11, 'closed'), sprint(12, 'active')] },
    { sprints: 1 },
    'sprint-carry-over',
    'Carried through 1 closed sprint (limit 1).',
    'Reporté sur 1 sprint terminé (limite 1).',
  ],
  [
    'a summary too short to say anything',
    'summary-placeholder',
    { summary: 'Fix' },
    {},
    'summary-placeholder.too-short',
    'The summary "Fix" is too short to say anything.',
    'Le résumé « Fix » est trop court pour dire quoi que ce soit.',
  ],
  [
    'a placeholder summary',
    'summary-placeholder',
    { summary: 'TODO 2' },
    {},
    'summary-placeholder.placeholder',
    'The summary "TODO 2" is a placeholder.',
    'Le résumé « TODO 2 » est un texte provisoire.',
  ],
  [
    'a copied summary',
    'summary-placeholder',
    { summary: 'Copy of Save a card at checkout' },
    {},
    'summary-placeholder.copied',
    'The summary starts with "copy of": it was copied and never renamed.',
    'Le résumé commence par « copy of » : il a été copié sans être renommé.',
  ],
  [
    'a summary in capitals',
    'summary-placeholder',
    { summary: 'CHECKOUT BROKEN ON MOBILE' },
    {},
    'summary-placeholder.capitals',
    'The summary is in capitals.',
    'Le résumé est en majuscules.',
  ],
];

describe('finding messages in English and French', () => {
  it.each(cases)('%s (%s)', (_name, rule, fields, options, id, english, frenchText) => {
    const message = checkMessage(rule, fields, options);
    expect(message?.id).toBe(id);
    expect(message?.text).toBe(english);
    expect(french(id, message?.params ?? {})).toBe(frenchText);
  });

  it('says an epic has no children, in both languages', () => {
    const message = checkMessage('epic-empty', { issuetype: type('Epic') }, {}, { childCount: () => 0 });
    expect(message?.text).toBe('The epic has no child issues.');
    expect(french('epic-empty', message?.params ?? {})).toBe('L’epic n’a aucun ticket enfant.');
  });

  it('covers every message of the catalogue with a case', () => {
    const covered = new Set<string>([
      ...cases.map((c) => c[4]),
      'epic-empty',
      'not-evaluated',
      'parent-missing.untyped',
    ]);
    expect([...covered].sort()).toEqual([...TEMPLATES.keys()].sort());
  });

  it("names each of a rule's messages after the rule, so no two rules share an id", () => {
    for (const rule of RULES) {
      const ids = Object.keys(rule.words.en.messages);
      expect(ids.length, rule.id).toBeGreaterThan(0);
      for (const id of ids) expect(id === rule.id || id.startsWith(`${rule.id}.`), id).toBe(true);
    }
  });
});

describe('a scan keeps the message id and parameters beside the English text', () => {
  it('reports a stale issue with the id, the numbers and the English the CLI prints', () => {
    const rules = effectiveRules(DEFAULT_ORG_CONFIG);
    const result = evaluateIssue(
      { key: 'PAY-7', fields: { ...healthyFields(), updated: updatedDaysAgo(20) } },
      { rules, fieldMap: FIELD_MAP, context: { now: NOW } },
    );
    const stale = result.findings.find((f) => f.rule === 'stale-in-progress');
    expect(stale).toMatchObject({
      message: 'In progress and not updated for 20 days (limit 14 days).',
      messageId: 'stale-in-progress',
      params: { idle: 20, limit: 14 },
    });
  });

  it('says in both languages that a rule could not be evaluated, with the reason', () => {
    const rules = effectiveRules(DEFAULT_ORG_CONFIG).map((setting) =>
      setting.rule.id === 'epic-empty'
        ? {
            ...setting,
            rule: {
              ...setting.rule,
              check: () => {
                throw new Error('child count unreadable');
              },
            },
          }
        : setting,
    );
    const result = evaluateIssue(
      { key: 'PAY-8', fields: { ...healthyFields(), issuetype: type('Epic'), status: DONE } },
      { rules, fieldMap: FIELD_MAP, context: { now: NOW } },
    );
    const failed = result.findings.find((f) => f.kind === 'not-evaluated');
    expect(failed?.message).toBe('Could not evaluate this rule: child count unreadable');
    expect(french('not-evaluated', failed?.params ?? {})).toBe(
      'Impossible d’évaluer cette règle : child count unreadable',
    );
  });

  it('names an issue without a type "issue" when it has no parent epic', () => {
    const message = checkMessage('parent-missing', { parent: null, issuetype: null }, { issueTypes: [] });
    expect(message?.text).toBe('This issue has no parent epic.');
    expect(french('parent-missing.untyped', {})).toBe('Ce ticket n’a pas d’epic parent.');
  });
});

describe('formatting finding templates', () => {
  it.each([
    ['English says "0 days"', 'en', '{n, plural, # day|# days}', { n: 0 }, '0 days'],
    [
      'French says "0 jour" (zero is singular in French)',
      'fr',
      '{n, plural, # jour|# jours}',
      { n: 0 },
      '0 jour',
    ],
    ['French says "2 jours"', 'fr', '{n, plural, # jour|# jours}', { n: 2 }, '2 jours'],
    ['lists only the parts whose bit is set', 'en', '{m, parts, a|b|c}', { m: 5 }, 'a, c'],
    ['leaves a missing parameter visible', 'en', 'Due {due}.', {}, 'Due {due}.'],
  ] as const)('%s', (_name, language, template, params, expected) => {
    expect(formatFindingMessage(language, template, params)).toBe(expected);
  });

  it('uses the same placeholders in French as in English, message by message', () => {
    const placeholders = (template: string) =>
      [...template.matchAll(/\{(\w+)(?:, (plural|parts),[^{}]*)?\}/g)]
        .map((m) => `${m[1] ?? ''}:${m[2] ?? ''}`)
        .sort();
    for (const [id, { en, fr }] of TEMPLATES) expect(placeholders(fr), id).toEqual(placeholders(en));
  });
});
