import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { Box, Text } from '@atlaskit/primitives';
import type { PlanAction, PlanView } from '@contract/templates';
import { useT, type MessageKey } from '../shell/i18n';
import { PageLink } from './Outcomes';

const appearance: Record<PlanAction, ThemeAppearance> = {
  create: 'new',
  update: 'inprogress',
  merge: 'success',
  skip: 'default',
  conflict: 'moved',
};
const actionKey: Record<PlanAction, MessageKey> = {
  create: 'templates.action.create',
  update: 'templates.action.update',
  merge: 'templates.action.merge',
  skip: 'templates.action.skip',
  conflict: 'templates.action.conflict',
};

const REASONS = [
  'new',
  'installed',
  'edited-nothing-new',
  'newer-content',
  'merged',
  'resolved',
  'marker-behind',
  'marker-missing',
  'edited-since-install',
  'title-taken',
] as const;
const isReason = (reason: string): reason is (typeof REASONS)[number] =>
  (REASONS as readonly string[]).includes(reason);

/** An action as a coloured lozenge, in the user's language. */
function ActionLozenge({ action }: { action: PlanAction }) {
  const t = useT();
  return <Lozenge appearance={appearance[action]}>{t(actionKey[action])}</Lozenge>;
}

/** The plan, page by page (indented as the tree; pages already in the space linked), then the page templates. */
export function PlanTable({ plan }: { plan: PlanView }) {
  const t = useT();
  const rows = [
    ...plan.pages.map((page) => ({
      key: `page-${page.key}`,
      cells: [
        {
          key: 'title',
          content: (
            <Box
              paddingInlineStart={page.depth === 0 ? 'space.0' : page.depth === 1 ? 'space.200' : 'space.400'}
            >
              {page.pageId ? (
                <PageLink spaceKey={plan.spaceKey} id={page.pageId} title={page.title} />
              ) : (
                <Text>{page.title}</Text>
              )}
            </Box>
          ),
        },
        { key: 'action', content: <ActionLozenge action={page.action} /> },
        {
          key: 'why',
          content: (
            <Text color="color.text.subtle">
              {isReason(page.reason) ? t(`templates.reason.${page.reason}`) : page.reason}
              {page.conflicts.length > 0 &&
                ` — ${t('templates.plan.conflictBlocks', { count: page.conflicts.length })}`}
            </Text>
          ),
        },
      ],
    })),
    ...plan.templates.map((template) => ({
      key: `template-${template.key}`,
      cells: [
        { key: 'title', content: <Text>{t('templates.plan.template', { name: template.name })}</Text> },
        { key: 'action', content: <ActionLozenge action={template.action} /> },
        {
          key: 'why',
          content: (
            <Text color="color.text.subtle">
              {template.reason === 'title-taken'
                ? t('templates.reason.name-taken')
                : isReason(template.reason)
                  ? t(`templates.reason.${template.reason}`)
                  : template.reason}
            </Text>
          ),
        },
      ],
    })),
  ];
  return (
    <div data-testid="templates-plan">
      <DynamicTable
        head={{
          cells: [
            { key: 'title', content: t('templates.plan.page') },
            { key: 'action', content: t('templates.plan.action') },
            { key: 'why', content: t('templates.plan.why') },
          ],
        }}
        rows={rows}
      />
    </div>
  );
}
