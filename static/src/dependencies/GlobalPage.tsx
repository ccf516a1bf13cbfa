import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { ModalTransition } from '@atlaskit/modal-dialog';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import Textfield from '@atlaskit/textfield';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { DependencyReportView } from '@contract/dependencies';
import { publishedProjects, type SnapshotChange } from '@contract/dependency-report';
import { useSuccessFlag } from '../shell/flags';
import { FormDialog } from '../shell/form-dialog';
import { useT } from '../shell/i18n';
import { callResolver } from '../shell/invoke';
import { Loading } from '../shell/placeholders';
import {
  currentQuarter,
  ReportFailure,
  ScopePicker,
  ScopePlan,
  WorkProgress,
  type ScopeChoice,
} from './controls';
import { DependencyGraph } from './Graph';
import { DependencySettings } from './Settings';
import { DependencyTable, downloadCsv, Insights, RiskLegend, TeamMatrix } from './parts';
import { useDependencyWork } from './use-dependency-work';

/**
 * The publish dialog. It names the projects whose dependencies the page would describe in plain text and
 * writes only those the user ticks, since every reader of the space reads that text, whatever their Jira rights.
 */
function PublishDialog({
  report,
  onPublish,
  onClose,
}: {
  report: DependencyReportView;
  onPublish: (page: { spaceKey: string; title: string; shownProjects: string[] }) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [spaceKey, setSpaceKey] = useState('');
  const [title, setTitle] = useState(`Quarterly alignment ${report.scopeLabel}`);
  const candidates = publishedProjects(report.dependencies);
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  const publish = () => {
    onPublish({
      spaceKey: spaceKey.trim(),
      title: title.trim(),
      shownProjects: candidates.filter((project) => shown.has(project)),
    });
    onClose();
  };
  return (
    <FormDialog
      title={t('dependencies.publish.title')}
      testId="dependencies-publish-dialog"
      onClose={onClose}
      cancelLabel={t('dependencies.publish.cancel')}
      submitLabel={t('dependencies.publish.submit')}
      submitTestId="dependencies-publish-submit"
      onSubmit={publish}
      isSubmitDisabled={spaceKey.trim() === ''}
    >
      <Text>{t('dependencies.publish.help')}</Text>
      <label htmlFor="dependencies-space">{t('dependencies.publish.space')}</label>
      <Textfield
        id="dependencies-space"
        testId="dependencies-space"
        value={spaceKey}
        onChange={(e) => {
          setSpaceKey(e.currentTarget.value);
        }}
      />
      <label htmlFor="dependencies-title">{t('dependencies.publish.pageTitle')}</label>
      <Textfield
        id="dependencies-title"
        testId="dependencies-title"
        value={title}
        onChange={(e) => {
          setTitle(e.currentTarget.value);
        }}
      />
      <Text>
        {candidates.length > 0 ? t('dependencies.publish.projects') : t('dependencies.publish.noProjects')}
      </Text>
      <Inline space="space.200" shouldWrap testId="dependencies-publish-projects">
        {candidates.map((project) => (
          <label key={project}>
            <input
              type="checkbox"
              checked={shown.has(project)}
              onChange={(e) => {
                const next = new Set(shown);
                if (e.currentTarget.checked) next.add(project);
                else next.delete(project);
                setShown(next);
              }}
            />{' '}
            {project}
          </label>
        ))}
      </Inline>
    </FormDialog>
  );
}

/** How many dependencies each section of a review comparison names before "and N more". */
const REVIEW_ITEMS = 60;

/** Saving the state of the scope as a review, and what changed since the last one; either may run as a job. */
function Review({ choice }: { choice: ScopeChoice }) {
  const t = useT();
  const showSuccess = useSuccessFlag();
  const saving = useDependencyWork('snapshot', undefined, {
    done: (outcome) => {
      showSuccess(t('dependencies.review.saved', { count: String(outcome.saved.dependencies) }));
    },
  });
  const comparing = useDependencyWork('compare', undefined);
  const comparison = comparing.outcome?.comparison;
  const running = saving.running ?? comparing.running;
  const busy = saving.busy || comparing.busy || running !== undefined;
  const failure = saving.failure ?? comparing.failure;
  const diff = comparison?.diff;
  /** One section of the comparison: its heading, then its dependencies in one wrapped paragraph. */
  const section = (heading: string, items: readonly SnapshotChange[]) => {
    const shown = items.slice(0, REVIEW_ITEMS).map(
      // No-break spaces keep each pair on one line when the paragraph wraps; an agreement adds its day.
      (item) =>
        `${item.blocker ?? t('dependencies.hidden')}\u00a0→\u00a0${item.blocked ?? t('dependencies.hidden')}` +
        (item.agreement ? `\u00a0(${item.agreement.committedBy ?? item.agreement.neededBy ?? ''})` : ''),
    );
    const more = items.length - shown.length;
    return (
      <Stack space="space.050">
        <Text weight="semibold">{heading}</Text>
        {shown.length > 0 ? (
          <Text color="color.text.subtle">
            {[...shown, ...(more > 0 ? [t('dependencies.plan.more', { count: String(more) })] : [])].join(
              ' · ',
            )}
          </Text>
        ) : null}
      </Stack>
    );
  };
  return (
    <Stack space="space.200" testId="dependencies-review">
      <Inline space="space.100">
        <Button
          isDisabled={busy}
          onClick={() => {
            saving.run(() => callResolver('dependencies.snapshot.save', choice));
          }}
        >
          {t('dependencies.review.save')}
        </Button>
        <Button
          isDisabled={busy}
          onClick={() => {
            comparing.run(() => callResolver('dependencies.snapshot.compare', choice));
          }}
        >
          {t('dependencies.review.compare')}
        </Button>
      </Inline>
      <WorkProgress running={running} testId="dependencies-review-progress" />
      {failure ? <ReportFailure failure={failure} /> : null}
      {comparison && !diff ? <Text>{t('dependencies.review.none')}</Text> : null}
      {diff ? (
        <Stack space="space.150">
          <Text weight="bold">
            {t('dependencies.review.since', {
              date: `${diff.since.slice(0, 16).replace('T', ' ')} UTC`,
            })}
          </Text>
          {section(t('dependencies.review.added', { count: String(diff.added.length) }), diff.added)}
          {section(t('dependencies.review.resolved', { count: String(diff.resolved.length) }), diff.resolved)}
          {section(
            t('dependencies.review.stillOpen', { count: String(diff.stillOpen.length) }),
            diff.stillOpen,
          )}
          {diff.unseen.length > 0
            ? section(t('dependencies.review.unseen', { count: String(diff.unseen.length) }), diff.unseen)
            : null}
          {(['newAsks', 'newCommitments', 'brokenCommitments'] as const).map((key) => {
            const items = diff[key] ?? [];
            return items.length > 0 ? (
              <Box key={key} testId={`dependencies-review-${key}`}>
                {section(t(`dependencies.review.${key}`, { count: String(items.length) }), items)}
              </Box>
            ) : null;
          })}
        </Stack>
      ) : null}
    </Stack>
  );
}

/** A tab's content, set off from the tab list. */
function TabBody({ children }: { children: ReactNode }) {
  return (
    <Box paddingBlockStart="space.200" style={{ width: '100%' }}>
      {children}
    </Box>
  );
}

/** The Jira global page "Quarterly alignment": every team's blockers for a quarter. */
export default function GlobalPage() {
  const t = useT();
  const [choice, setChoice] = useState<ScopeChoice>({
    scope: { kind: 'quarter', ...currentQuarter(), by: 'duedate' },
    teamBy: 'project',
  });
  const [publishing, setPublishing] = useState(false);
  const showSuccess = useSuccessFlag();
  const initial = useRef(choice);
  // The user's latest report job is shown again on opening; without one, the current quarter is read.
  const work = useDependencyWork('report', undefined, {
    initial: () => callResolver('dependencies.report', initial.current),
  });
  // A failure shows in place of the report (with Jira's words on a refused JQL), until the next run.
  const report: DependencyReportView | undefined = work.failure ? undefined : work.outcome?.report;
  const busy = work.busy || work.running !== undefined;
  const published = useDependencyWork('publish', undefined, {
    done: ({ page }) => {
      showSuccess(
        t(page.created ? 'dependencies.publish.created' : 'dependencies.publish.updated', {
          title: page.title,
        }),
      );
    },
  });
  const { run: runReport } = work;
  // A job found again was run for its own scope: reviews and publishing then act on that one.
  const acting = work.request ?? choice;
  const run = useCallback(
    (picked: ScopeChoice | { scope: null }) => {
      if (picked.scope === null) return;
      const next: ScopeChoice = { scope: picked.scope, teamBy: picked.teamBy };
      setChoice(next);
      runReport(() => callResolver('dependencies.report', next));
    },
    [runReport],
  );

  return (
    <Box padding="space.200" testId="dependencies-global-page">
      <Stack space="space.200">
        <Heading size="large">{t('dependencies.global.heading')}</Heading>
        {/* Remounted on each answer, so that a report found again shows the scope it was run for. */}
        <ScopePicker
          key={JSON.stringify(work.request ?? null)}
          shown={work.request}
          onRun={run}
          busy={busy}
        />
        <WorkProgress running={work.running} testId="dependencies-progress" />
        {work.failure ? <ReportFailure failure={work.failure} /> : null}
        <WorkProgress running={published.running} testId="dependencies-publish-progress" />
        {published.failure ? <ReportFailure failure={published.failure} /> : null}
        {report === undefined ? (
          busy ? (
            <Loading />
          ) : null
        ) : (
          <Stack space="space.200">
            <Inline space="space.150" alignBlock="center" shouldWrap>
              <Text testId="dependencies-summary">
                {t('dependencies.summary', {
                  scanned: String(report.scanned),
                  total: String(report.totalDependencies),
                  conflict: String(report.counts.conflict),
                  atRisk: String(report.counts['at-risk']),
                  watch: String(report.counts.watch),
                  cross: String(report.counts.crossTeam),
                  hidden: String(report.counts.hidden),
                })}
              </Text>
              <Button
                onClick={() => {
                  downloadCsv(
                    `dependencies-${report.scopeLabel.replace(/\W+/g, '-')}.csv`,
                    report.dependencies,
                  );
                }}
                testId="dependencies-csv"
              >
                {t('dependencies.export.csv')}
              </Button>
              <Button
                isDisabled={published.running !== undefined}
                onClick={() => {
                  setPublishing(true);
                }}
                testId="dependencies-publish"
              >
                {t('dependencies.publish.open')}
              </Button>
            </Inline>
            <RiskLegend matrix />
            <ScopePlan label={report.scopeLabel} plan={report.plan} />
            {report.totalDependencies > report.dependencies.length ? (
              <SectionMessage appearance="information">
                {t('dependencies.truncated', {
                  shown: String(report.dependencies.length),
                  total: String(report.totalDependencies),
                })}
              </SectionMessage>
            ) : null}
            <Tabs id="dependencies-tabs">
              <TabList>
                <Tab>{t('dependencies.tab.matrix')}</Tab>
                <Tab>{t('dependencies.tab.list')}</Tab>
                <Tab>{t('dependencies.tab.graph')}</Tab>
                <Tab>{t('dependencies.tab.review')}</Tab>
                <Tab>{t('dependencies.tab.settings')}</Tab>
              </TabList>
              <TabPanel>
                <TabBody>
                  <Stack space="space.300">
                    <TeamMatrix report={report} />
                    <Insights report={report} />
                  </Stack>
                </TabBody>
              </TabPanel>
              <TabPanel>
                <TabBody>
                  <DependencyTable
                    dependencies={report.dependencies}
                    teams={report.teams}
                    testId="dependencies-list"
                  />
                </TabBody>
              </TabPanel>
              <TabPanel>
                <TabBody>
                  <DependencyGraph report={report} />
                </TabBody>
              </TabPanel>
              <TabPanel>
                <TabBody>
                  <Review choice={acting} />
                </TabBody>
              </TabPanel>
              <TabPanel>
                <TabBody>
                  <DependencySettings />
                </TabBody>
              </TabPanel>
            </Tabs>
          </Stack>
        )}
      </Stack>
      <ModalTransition>
        {publishing && report ? (
          <PublishDialog
            report={report}
            onPublish={(page) => {
              published.run(() => callResolver('dependencies.publish', { ...acting, ...page }));
            }}
            onClose={() => {
              setPublishing(false);
            }}
          />
        ) : null}
      </ModalTransition>
    </Box>
  );
}
