import type { BundleInput, Language } from '../../model';
import { children, h2, p, panel, status, table, tasks, toc } from '../markup';
import type { en } from './en';

export type PmOnboardingPhrases = typeof en;

/** Product camp: a newcomer PM's first week, first month, who's who, glossary and tools. */
export function buildPmOnboarding(language: Language, t: PmOnboardingPhrases): BundleInput {
  return {
    id: 'pm-onboarding',
    version: '1.0.0',
    language,
    title: t.title,
    description: t.description,
    variables: [
      { name: 'teamName', type: 'text', label: t.varTeamName, maxLength: 60 },
      { name: 'buddy', type: 'user', label: t.varBuddy },
      { name: 'startDate', type: 'date', label: t.varStartDate },
    ],
    pages: [
      {
        key: 'camp',
        title: t.campTitle,
        labels: ['vertebra', 'pm-onboarding'],
        body: [
          panel('info', t.campPanelTitle, p(t.campPanelBody)),
          table(
            [t.colWhat, t.colWho],
            [
              [t.buddyRole, '{{buddy}}'],
              [t.startRole, '{{startDate}}'],
            ],
          ),
          h2(t.campMap),
          children(),
        ].join(''),
        children: [
          {
            key: 'first-week',
            title: t.weekTitle,
            body: [p(t.weekIntro), tasks(t.weekTasks), panel('tip', t.weekTipTitle, p(t.weekTipBody))].join(
              '',
            ),
            children: [],
          },
          {
            key: 'first-month',
            title: t.monthTitle,
            body: [
              toc(),
              h2(t.monthGoals),
              tasks(t.monthTasks),
              h2(t.monthCheck),
              p(`${status(t.statusPlanned, 'Blue')} ${t.monthCheckBody}`),
            ].join(''),
            children: [],
          },
          {
            key: 'whos-who',
            title: t.whoTitle,
            body: [
              p(t.whoIntro),
              table(
                [t.colPerson, t.colRole, t.colAskAbout],
                [
                  ['{{buddy}}', t.buddyRole, t.buddyTopics],
                  ['', '', ''],
                ],
              ),
            ].join(''),
            children: [],
          },
          {
            key: 'glossary',
            title: t.glossaryTitle,
            body: [p(t.glossaryIntro), table([t.colTerm, t.colMeaning], t.glossary)].join(''),
            children: [],
          },
          {
            key: 'tools',
            title: t.toolsTitle,
            body: [
              table(
                [t.colTool, t.colUse, t.colAccess],
                t.tools.map(([tool, use]) => [tool, use, status(t.statusToRequest, 'Yellow')]),
              ),
            ].join(''),
            children: [],
          },
        ],
      },
    ],
    templates: [],
  };
}
