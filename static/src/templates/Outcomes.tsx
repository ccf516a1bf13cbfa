import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives';
import { confluencePagePath, type InstallOutcomeView, type UninstallView } from '@contract/templates';
import { useProductContext } from '../shell/context';
import { useT } from '../shell/i18n';

/** A page of the space, opened in Confluence in a new tab (the app's frame cannot navigate the product). */
export function PageLink({ spaceKey, id, title }: { spaceKey: string; id: string; title: string }) {
  const { siteUrl } = useProductContext();
  return (
    <a href={`${siteUrl ?? ''}${confluencePagePath(spaceKey, id)}`} target="_blank" rel="noreferrer">
      {title}
    </a>
  );
}

/** A list of pages, each linked, under a sentence that says what happened to them. */
function PageList({
  spaceKey,
  heading,
  pages,
  testId,
}: {
  spaceKey: string;
  heading: string;
  pages: readonly { id: string; title: string }[];
  testId: string;
}) {
  if (pages.length === 0) return null;
  return (
    <Stack space="space.050" testId={testId}>
      <Text>{heading}</Text>
      <ul>
        {pages.map((page) => (
          <li key={page.id}>
            <PageLink spaceKey={spaceKey} id={page.id} title={page.title} />
          </li>
        ))}
      </ul>
    </Stack>
  );
}

/** What an install did; the pages people edited are listed with a link to each and to Confluence's diff. */
export function InstallResult({
  outcome,
  bundleTitle,
}: {
  outcome: InstallOutcomeView;
  bundleTitle: string;
}) {
  const t = useT();
  const { siteUrl } = useProductContext();
  return (
    <SectionMessage
      appearance={outcome.conflicts.length > 0 ? 'warning' : 'success'}
      title={t('templates.result.title', { bundle: bundleTitle, version: outcome.version })}
      testId="templates-result"
    >
      <Stack space="space.100">
        <Text>
          {t('templates.result.summary', {
            created: outcome.created,
            updated: outcome.updated,
            skipped: outcome.skipped,
          })}
        </Text>
        {outcome.merged > 0 && <Text>{t('templates.result.merged', { merged: outcome.merged })}</Text>}
        {outcome.conflicts.length > 0 && (
          <Stack space="space.050">
            <Text>{t('templates.result.conflicts')}</Text>
            <ul>
              {outcome.conflicts.map((conflict) => (
                <li key={`${conflict.page}-${conflict.id ?? ''}`}>
                  {conflict.id && conflict.reason !== 'template-edited' ? (
                    <PageLink spaceKey={outcome.spaceKey} id={conflict.id} title={conflict.page} />
                  ) : (
                    conflict.page
                  )}
                  {conflict.compareUrl && (
                    <>
                      {' — '}
                      <a href={`${siteUrl ?? ''}${conflict.compareUrl}`} target="_blank" rel="noreferrer">
                        {t('templates.result.compare')}
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </Stack>
        )}
      </Stack>
    </SectionMessage>
  );
}

/** What an uninstall did: the archived pages, and the edited ones it left, each linked. */
export function UninstallResult({ spaceKey, outcome }: { spaceKey: string; outcome: UninstallView }) {
  const t = useT();
  return (
    <SectionMessage
      appearance="information"
      title={t('templates.uninstalled.title')}
      testId="templates-uninstalled"
    >
      <Stack space="space.100">
        <Text>
          {t('templates.uninstalled.summary', {
            archived: outcome.archived.length,
            kept: outcome.kept.length,
          })}
        </Text>
        <PageList
          spaceKey={spaceKey}
          heading={t('templates.uninstalled.kept')}
          pages={outcome.kept}
          testId="templates-uninstalled-kept"
        />
        <PageList
          spaceKey={spaceKey}
          heading={t('templates.uninstalled.archived')}
          pages={outcome.archived}
          testId="templates-uninstalled-archived"
        />
      </Stack>
    </SectionMessage>
  );
}
