import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import { Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import { useEffect, useState } from 'react';
import type { AdoptionView, CatalogueEntryView } from '../../../src/contract/templates';
import { useSuccessFlag } from '../shell/flags';
import { useLanguage, useT, type MessageKey } from '../shell/i18n';
import { callResolver, ResolverFailure, useResolver } from '../shell/invoke';
import { Loading } from '../shell/placeholders';
import { templatesFailureText } from './failures';
import { PersonName } from './pickers';
import { useTemplatesFailureFlag } from './useFailure';

type Installation = CatalogueEntryView['installations'][number];

const statusKey: Record<Installation['status'], MessageKey> = {
  installed: 'templates.catalogue.status.installed',
  partial: 'templates.catalogue.status.partial',
  uninstalled: 'templates.catalogue.status.uninstalled',
};

/** One space where a bundle is installed, with its adoption loaded on demand (it reads every page's views). */
function InstallationRow({ bundleId, installation }: { bundleId: string; installation: Installation }) {
  const t = useT();
  const language = useLanguage();
  const showFailure = useTemplatesFailureFlag();
  const [adoption, setAdoption] = useState<AdoptionView | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const load = async (): Promise<void> => {
    setLoading(true);
    try {
      setAdoption(await callResolver('templates.adoption', { spaceKey: installation.spaceKey, bundleId }));
    } catch (error) {
      showFailure(error);
    } finally {
      setLoading(false);
    }
  };
  const date = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium' }).format(
    new Date(installation.installedAt),
  );
  return (
    <Inline
      space="space.150"
      alignBlock="center"
      shouldWrap
      testId={`templates-installation-${bundleId}-${installation.spaceKey}`}
    >
      <Text weight="bold">{installation.spaceKey}</Text>
      <Text>
        {installation.version} · {date}
        {installation.installedBy ? ` · ${t('templates.catalogue.installedBy')}` : ''}
      </Text>
      {installation.installedBy && (
        <PersonName person={installation.installedBy} testId="templates-installed-by" />
      )}
      <Lozenge appearance={installation.status === 'installed' ? 'success' : 'default'}>
        {t(statusKey[installation.status])}
      </Lozenge>
      {installation.upgradeAvailable && (
        <Lozenge appearance="new">{t('templates.catalogue.upgrade')}</Lozenge>
      )}
      {adoption ? (
        <Text testId="templates-adoption">
          {t('templates.catalogue.adoptionLine', {
            edited: adoption.editedPages,
            pages: adoption.installedPages,
            views: adoption.views,
            created: adoption.createdFromTemplates,
          })}
        </Text>
      ) : (
        <Button
          appearance="subtle"
          spacing="compact"
          isDisabled={loading}
          onClick={() => void load()}
          testId="templates-show-adoption"
        >
          {t('templates.catalogue.showAdoption')}
        </Button>
      )}
    </Inline>
  );
}

/** Import of a custom bundle; its problems are listed with their paths. */
function ImportBundle({ onImported }: { onImported: () => void }) {
  const t = useT();
  const showSuccess = useSuccessFlag();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const submit = async (): Promise<void> => {
    setProblems([]);
    try {
      const bundle = await callResolver('templates.import', { text });
      showSuccess(t('templates.import.done', { id: bundle.id }));
      setText('');
      onImported();
    } catch (error) {
      const details =
        error instanceof ResolverFailure
          ? (error.details as { problems?: { path: string; message: string }[] } | undefined)
          : undefined;
      setProblems(
        details?.problems?.map((problem) => `${problem.path}: ${problem.message}`) ?? [
          templatesFailureText(t, error),
        ],
      );
    }
  };
  return (
    <Stack space="space.100">
      <Heading size="small">{t('templates.import.title')}</Heading>
      <Text color="color.text.subtle">{t('templates.import.help')}</Text>
      <Label htmlFor="templates-import">{t('templates.import.label')}</Label>
      <TextArea
        id="templates-import"
        testId="templates-import"
        value={text}
        minimumRows={6}
        isMonospaced
        onChange={(event) => {
          setText(event.currentTarget.value);
        }}
      />
      <Box>
        <Button
          onClick={() => void submit()}
          isDisabled={text.trim() === ''}
          testId="templates-import-submit"
        >
          {t('templates.import.button')}
        </Button>
      </Box>
      {problems.length > 0 && (
        <SectionMessage
          appearance="error"
          title={t('templates.import.problems')}
          testId="templates-import-problems"
        >
          <Stack space="space.050">
            {problems.map((problem) => (
              <Text key={problem}>{problem}</Text>
            ))}
          </Stack>
        </SectionMessage>
      )}
    </Stack>
  );
}

/** Global settings: the bundles available, where each is installed (version, date, status) and its adoption. */
export default function GlobalSettings() {
  const t = useT();
  const showFailure = useTemplatesFailureFlag();
  // Flagged here rather than by the shell, so a templates reason is said in the user's language.
  const catalogue = useResolver('templates.catalogue', {}, [], { flag: false });
  useEffect(() => {
    if (catalogue.error) showFailure(catalogue.error);
  }, [catalogue.error, showFailure]);
  if (catalogue.loading && !catalogue.data) return <Loading />;
  const rows = (catalogue.data ?? []).map((entry) => ({
    key: entry.id,
    cells: [
      {
        key: 'bundle',
        content: (
          <Stack space="space.050">
            <Inline space="space.100">
              <Text weight="bold">{entry.title}</Text>
              {!entry.shipped && <Lozenge>{t('templates.catalogue.custom')}</Lozenge>}
            </Inline>
            <Text color="color.text.subtle" size="small">
              {entry.description}
            </Text>
          </Stack>
        ),
      },
      { key: 'version', content: <Text>{`${entry.version} (${entry.languages.join(', ')})`}</Text> },
      {
        key: 'installed',
        content:
          entry.installations.length === 0 ? (
            <Text color="color.text.subtle">{t('templates.catalogue.notInstalled')}</Text>
          ) : (
            <Stack space="space.050">
              {entry.installations.map((installation) => (
                <InstallationRow
                  key={installation.spaceKey}
                  bundleId={entry.id}
                  installation={installation}
                />
              ))}
            </Stack>
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
        <DynamicTable
          head={{
            cells: [
              { key: 'bundle', content: t('templates.catalogue.bundle') },
              { key: 'version', content: t('templates.catalogue.version') },
              { key: 'installed', content: t('templates.catalogue.installedIn') },
            ],
          }}
          rows={rows}
        />
        <ImportBundle onImported={catalogue.reload} />
      </Stack>
    </Box>
  );
}
