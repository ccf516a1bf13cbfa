import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useT } from '../shell/i18n';
import { useResolver } from '../shell/invoke';
import { Loading } from '../shell/placeholders';
import { templatesFailureText } from './failures';
import { ImportBundle } from './ImportBundle';
import { Installations } from './Installations';

/**
 * Global settings (Confluence administrators): the bundles available, where each is installed and whether
 * people use it, and the import of custom bundles.
 */
export default function GlobalSettings() {
  const t = useT();
  // Said in place rather than flagged: a refusal here (not a Confluence admin) is the whole answer.
  const catalogue = useResolver('templates.catalogue', {}, [], { flag: false });
  if (catalogue.loading && !catalogue.data) return <Loading />;
  const entries = catalogue.data ?? [];
  const rows = entries.map((entry) => ({
    key: entry.id,
    testId: `templates-bundle-${entry.id}`,
    cells: [
      {
        key: 'bundle',
        content: (
          <Stack space="space.050">
            <Inline space="space.100" alignBlock="center">
              <Text weight="bold">{entry.title}</Text>
              {!entry.shipped && <Lozenge>{t('templates.catalogue.custom')}</Lozenge>}
            </Inline>
            <Text color="color.text.subtle" size="small">
              {entry.description}
            </Text>
          </Stack>
        ),
      },
      {
        key: 'version',
        content: (
          <Stack space="space.050">
            <Text>{entry.version}</Text>
            <Text size="small" color="color.text.subtlest">
              {entry.languages.map((language) => language.toUpperCase()).join(' · ')}
            </Text>
          </Stack>
        ),
      },
      {
        key: 'content',
        content: (
          <Text>
            {t('templates.catalogue.contentLine', {
              pages: entry.pageCount,
              templates: entry.templateCount,
            })}
          </Text>
        ),
      },
      {
        key: 'installed',
        content:
          entry.installations.length === 0 ? (
            <Text color="color.text.subtle">{t('templates.catalogue.notInstalled')}</Text>
          ) : (
            <Text>{entry.installations.map((installation) => installation.spaceKey).join(', ')}</Text>
          ),
      },
    ],
  }));
  return (
    <Box padding="space.300" testId="templates-catalogue">
      <Stack space="space.300">
        <Stack space="space.100">
          <Heading size="large">{t('templates.catalogue.title')}</Heading>
          <Text>{t('templates.catalogue.intro')}</Text>
        </Stack>
        {catalogue.error ? (
          <SectionMessage appearance="error" testId="templates-catalogue-error">
            <Text>{templatesFailureText(t, catalogue.error)}</Text>
          </SectionMessage>
        ) : (
          <>
            <DynamicTable
              head={{
                cells: [
                  { key: 'bundle', content: t('templates.catalogue.bundle') },
                  { key: 'version', content: t('templates.catalogue.version') },
                  { key: 'content', content: t('templates.catalogue.content') },
                  { key: 'installed', content: t('templates.catalogue.installedIn') },
                ],
              }}
              rows={rows}
            />
            <Stack space="space.100">
              <Heading size="small">{t('templates.catalogue.installations')}</Heading>
              <Text color="color.text.subtle">{t('templates.catalogue.installationsHelp')}</Text>
              <Installations entries={entries} />
            </Stack>
            <ImportBundle onImported={catalogue.reload} />
          </>
        )}
      </Stack>
    </Box>
  );
}
