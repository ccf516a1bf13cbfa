import type { BundleInput, Language } from '../../model';
import { children, code, h2, h3, p, panel, status, table, tasks, toc, ul } from '../markup';
import type { en } from './en';

export type ProductKnowledgePhrases = typeof en;

/** The product knowledge space: overview, areas, PRDs, discovery, decisions, releases, champions. */
export function buildProductKnowledge(language: Language, t: ProductKnowledgePhrases): BundleInput {
  return {
    id: 'product-knowledge',
    version: '1.1.0',
    language,
    title: t.title,
    description: t.description,
    variables: [
      { name: 'productName', type: 'text', label: t.varProductName, maxLength: 80 },
      { name: 'productOwner', type: 'user', label: t.varProductOwner },
      { name: 'teams', type: 'teamList', label: t.varTeams },
      { name: 'launchDate', type: 'date', label: t.varLaunchDate, required: false },
    ],
    pages: [
      {
        key: 'overview',
        title: t.overviewTitle,
        labels: ['vertebra', 'product-overview'],
        body: [
          toc(),
          panel('info', t.overviewPanelTitle, p(t.overviewPanelBody)),
          h2(t.overviewWhat),
          p(t.overviewWhatBody),
          h2(t.overviewWho),
          table(
            [t.colRole, t.colPerson],
            [
              [t.roleOwner, '{{productOwner}}'],
              [t.roleTeams, '{{teams}}'],
            ],
          ),
          h2(t.overviewStatus),
          p(`${status(t.statusDiscovery, 'Blue')} ${t.overviewLaunch} {{launchDate}}`),
          h2(t.overviewMap),
          children(),
        ].join(''),
        children: [
          {
            key: 'product-areas',
            title: t.areasTitle,
            body: [
              p(t.areasIntro),
              table(
                [t.colArea, t.colTeam, t.colPm, t.colStatus],
                [[t.areaExample, '{{teams}}', '{{productOwner}}', status(t.statusLive, 'Green')]],
              ),
              panel('tip', t.areasTipTitle, p(t.areasTipBody)),
            ].join(''),
            children: [],
          },
          {
            key: 'prds',
            title: t.prdsTitle,
            body: [panel('note', t.prdsNoteTitle, p(t.prdsNoteBody)), children()].join(''),
            children: [],
          },
          {
            key: 'discovery',
            title: t.discoveryTitle,
            body: [p(t.discoveryIntro), children()].join(''),
            children: [],
          },
          {
            key: 'decision-log',
            title: t.decisionsTitle,
            body: [
              p(t.decisionsIntro),
              table(
                [t.colDate, t.colDecision, t.colWhy, t.colOwner, t.colStatus],
                [
                  [
                    '{{launchDate}}',
                    t.decisionExample,
                    t.decisionWhy,
                    '{{productOwner}}',
                    status(t.statusDecided, 'Green'),
                  ],
                ],
              ),
            ].join(''),
            children: [],
          },
          {
            key: 'release-notes',
            title: t.releasesTitle,
            body: [
              toc(),
              h2(t.releaseExample),
              h3(t.releaseNew),
              ul([t.releaseItem]),
              h3(t.releaseFixed),
              ul([t.releaseFixItem]),
              code('text', t.releaseCodeLine),
            ].join(''),
            children: [],
          },
          {
            key: 'champions',
            title: t.championsTitle,
            body: [
              panel('info', t.championsPanelTitle, p(t.championsPanelBody)),
              table(
                [t.colChampion, t.colRegion, t.colTopics],
                [['{{productOwner}}', t.championRegion, t.championTopics]],
              ),
              h2(t.championsRitual),
              tasks([t.championsTask1, t.championsTask2]),
            ].join(''),
            children: [],
          },
        ],
      },
    ],
    templates: [
      {
        key: 'prd',
        name: t.prdTemplateName,
        description: t.prdTemplateDescription,
        labels: ['prd', 'vertebra-product-knowledge'],
        body: [
          '<at:declarations><at:string at:name="Feature" /></at:declarations>',
          table(
            [t.colField, t.colValue],
            [
              [t.prdFieldFeature, '<at:var at:name="Feature" />'],
              [t.prdFieldStatus, status(t.statusDraft, 'Grey')],
              [t.prdFieldOwner, '<ac:placeholder>@</ac:placeholder>'],
            ],
          ),
          h2(t.prdProblem),
          p(`<ac:placeholder>${t.prdProblemHint}</ac:placeholder>`),
          h2(t.prdGoals),
          table([t.colGoal, t.colMetric], [['', '']]),
          h2(t.prdRequirements),
          table(['#', t.colRequirement, t.colPriority, t.colNotes], [['1', '', status('MUST', 'Red'), '']]),
          h2(t.prdQuestions),
          tasks([t.prdQuestionTask]),
          h2(t.prdOutOfScope),
          ul([`<ac:placeholder>${t.prdOutOfScopeHint}</ac:placeholder>`]),
        ].join(''),
      },
      {
        key: 'discovery-notes',
        name: t.discoveryTemplateName,
        description: t.discoveryTemplateDescription,
        labels: ['discovery', 'vertebra-product-knowledge'],
        body: [
          panel('info', t.discoveryTemplatePanel, p(t.discoveryTemplatePanelBody)),
          h2(t.discoveryWho),
          table([t.colPerson, t.colRole], [['', '']]),
          h2(t.discoveryLearned),
          ul([`<ac:placeholder>${t.discoveryLearnedHint}</ac:placeholder>`]),
          h2(t.discoveryNext),
          tasks([t.discoveryNextTask]),
        ].join(''),
      },
    ],
  };
}
