import EmptyState from '@atlaskit/empty-state';
import { Box, Stack, Text } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import { Component, type ReactNode } from 'react';
import { useProductContext } from './context';
import { useResolver, type ResolverState } from './invoke';
import { useT } from './i18n';

export function Loading() {
  const t = useT();
  return (
    <Box padding="space.200" testId="surface-loading">
      <Spinner label={t('shell.loading')} />
    </Box>
  );
}

/**
 * A surface's first load: the spinner while the resolver answers, nothing when it failed (the flag already said
 * why), then `children` with the data.
 */
export function WhenLoaded<T>({
  state,
  children,
}: {
  state: Pick<ResolverState<T>, 'data' | 'loading'>;
  children: (data: T) => ReactNode;
}) {
  if (state.data === undefined) return state.loading ? <Loading /> : null;
  return children(state.data);
}

function Field({ label, value, testId }: { label: string; value: string | undefined; testId: string }) {
  if (value === undefined) return null;
  return (
    <Text as="p">
      <Text weight="bold">{label}: </Text>
      <Text testId={testId}>{value}</Text>
    </Text>
  );
}

/**
 * What the app sees of its context, shown for a module key with no screen (and used by the playground's
 * "App context" page to prove the bridge works end to end: context in, resolver answer out).
 */
export function ContextReport() {
  const t = useT();
  const context = useProductContext();
  const whoami = useResolver('app.whoami', {});
  const { issue, project, space } = context.extension;
  return (
    <Stack space="space.100" testId="context-report">
      <EmptyState
        headingLevel={2}
        header={t('shell.unknown.title')}
        description={t('shell.unknown.description', { moduleKey: context.moduleKey })}
      />
      <Box paddingInline="space.300">
        <Field label={t('shell.context.module')} value={context.moduleKey} testId="context-module" />
        <Field label={t('shell.context.issue')} value={issue?.key} testId="context-issue" />
        <Field label={t('shell.context.project')} value={project?.key} testId="context-project" />
        <Field label={t('shell.context.space')} value={space?.key} testId="context-space" />
        <Field label={t('shell.context.route')} value={context.route} testId="context-route" />
        <Field label={t('shell.context.locale')} value={context.locale} testId="context-locale" />
        <Field label={t('shell.context.theme')} value={context.colorMode} testId="context-theme" />
        <Field
          label={t('shell.context.user')}
          value={
            whoami.loading
              ? t('shell.loading')
              : (whoami.data?.displayName ?? whoami.data?.accountId ?? t('shell.context.nobody'))
          }
          testId="context-user"
        />
      </Box>
    </Stack>
  );
}

interface BoundaryState {
  readonly error: Error | undefined;
}

/** Keeps a crashing surface from blanking the whole frame; the message helps the admin report it. */
export class SurfaceBoundary extends Component<{
  children: ReactNode;
  fallback: (error: Error) => ReactNode;
}> {
  override state: BoundaryState = { error: undefined };

  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error };
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

export function CrashNotice({ error }: { error: Error }) {
  const t = useT();
  return (
    <EmptyState
      testId="surface-crash"
      headingLevel={2}
      header={t('shell.crash.title')}
      description={t('shell.crash.description', { message: error.message })}
    />
  );
}
