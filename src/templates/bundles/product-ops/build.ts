import { ALIGNMENT_TEMPLATE_LABEL, END_ANCHOR, START_ANCHOR } from '../../../dependencies/publish';
import { RULES } from '../../../hygiene/rules';
import type { BundleInput, Language } from '../../model';
import { anchor, children, h2, p, panel, status, table, tasks, toc, ul } from '../markup';
import type { en } from './en';

export type ProductOpsPhrases = typeof en;

/** Product operations: working agreements (DoR, DoD, Jira hygiene), rituals, and ritual templates. */
export function buildProductOps(language: Language, t: ProductOpsPhrases): BundleInput {
  return {
    id: 'product-ops',
    version: '1.2.0',
    language,
    title: t.title,
    description: t.description,
    variables: [
      { name: 'orgName', type: 'text', label: t.varOrgName, maxLength: 60 },
      { name: 'opsLead', type: 'user', label: t.varOpsLead },
      { name: 'teams', type: 'teamList', label: t.varTeams },
      { name: 'quarterStart', type: 'date', label: t.varQuarterStart },
    ],
    pages: [
      {
        key: 'home',
        title: t.homeTitle,
        labels: ['vertebra', 'product-ops'],
        body: [
          panel('info', t.homePanelTitle, p(t.homePanelBody)),
          table(
            [t.colRole, t.colPerson],
            [
              [t.roleLead, '{{opsLead}}'],
              [t.roleTeams, '{{teams}}'],
            ],
          ),
          h2(t.homeMap),
          children(),
        ].join(''),
        children: [
          {
            key: 'working-agreements',
            title: t.agreementsTitle,
            body: [toc(), p(t.agreementsIntro), children()].join(''),
            children: [
              {
                key: 'definition-of-ready',
                title: t.dorTitle,
                body: [panel('note', t.dorPanelTitle, p(t.dorPanelBody)), tasks(t.dorItems)].join(''),
                children: [],
              },
              {
                key: 'definition-of-done',
                title: t.dodTitle,
                body: [panel('note', t.dodPanelTitle, p(t.dodPanelBody)), tasks(t.dodItems)].join(''),
                children: [],
              },
              {
                key: 'jira-hygiene',
                title: t.hygieneTitle,
                labels: ['vertebra', 'jira-hygiene'],
                body: [
                  toc(),
                  panel('tip', t.hygienePanelTitle, p(t.hygienePanelBody)),
                  // Every rule, in the registry's order, under an anchor `rule-<id>` a finding links to
                  // (`<page url>#rule-<id>`), stated as the agreement it checks, with the rule's reason.
                  ...RULES.map(
                    ({ id, words }) =>
                      `${anchor(`rule-${id}`)}${h2(words[language].agreement)}${p(words[language].rationale)}`,
                  ),
                ].join(''),
                children: [],
              },
            ],
          },
          {
            key: 'rituals',
            title: t.ritualsTitle,
            body: [
              p(t.ritualsIntro),
              table(
                [t.colRitual, t.colWhen, t.colWho, t.colStatus],
                t.rituals.map(([name, when, who]) => [name, when, who, status(t.statusActive, 'Green')]),
              ),
              panel('info', t.quarterPanelTitle, p(t.quarterPanelBody)),
            ].join(''),
            children: [],
          },
        ],
      },
    ],
    templates: [
      {
        key: 'quarterly-alignment',
        name: t.alignmentName,
        description: t.alignmentDescription,
        labels: [ALIGNMENT_TEMPLATE_LABEL, 'vertebra-product-ops'],
        body: [
          toc(),
          h2(t.alignmentGoals),
          table([t.colTeam, t.colGoal, t.colMetric], [['', '', '']]),
          // Between the anchors the dependencies capability looks for: "Publish to Confluence" replaces this
          // heading and panel with the report, and keeps the agreements table below as people filled it.
          anchor(START_ANCHOR),
          h2(t.alignmentDependencies),
          panel('warning', t.alignmentDependenciesPanel, p(t.alignmentDependenciesBody)),
          anchor(END_ANCHOR),
          table(
            [t.colTeam, t.colNeeds, t.colFrom, t.colStatus],
            [['', '', '', status(t.statusOpen, 'Yellow')]],
          ),
          h2(t.alignmentRisks),
          ul([`<ac:placeholder>${t.alignmentRisksHint}</ac:placeholder>`]),
        ].join(''),
      },
      {
        key: 'postmortem',
        name: t.postmortemName,
        description: t.postmortemDescription,
        labels: ['postmortem', 'vertebra-product-ops'],
        body: [
          panel('info', t.postmortemBlameless, p(t.postmortemBlamelessBody)),
          table(
            [t.colField, t.colValue],
            [
              [t.pmSeverity, status('SEV-2', 'Red')],
              [t.pmStarted, ''],
              [t.pmResolved, ''],
              [t.pmImpact, ''],
            ],
          ),
          h2(t.pmTimeline),
          table([t.colTime, t.colEvent], [['', '']]),
          h2(t.pmCauses),
          p(`<ac:placeholder>${t.pmCausesHint}</ac:placeholder>`),
          h2(t.pmActions),
          tasks([t.pmActionTask]),
        ].join(''),
      },
      {
        key: 'retrospective',
        name: t.retroName,
        description: t.retroDescription,
        labels: ['retrospective', 'vertebra-product-ops'],
        body: [
          h2(t.retroWell),
          ul(['']),
          h2(t.retroBetter),
          ul(['']),
          h2(t.retroActions),
          tasks([t.retroActionTask]),
        ].join(''),
      },
    ],
  };
}
