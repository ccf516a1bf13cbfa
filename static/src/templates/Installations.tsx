import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import { Stack, Text } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import { useEffect, useState, type ReactNode } from 'react';
import type { AdoptionView, CatalogueEntryView } from '@contract/templates';
import { useLanguage, useT, type MessageKey } from '../shell/i18n';
import { callResolver } from '../shell/invoke';
import { dayText } from './dates';
import { PersonName } from './pickers';

type Installation = CatalogueEntryView['installations'][number];

interface Row {
  readonly bundle: CatalogueEntryView;
  readonly installation: Installation;
}

const statusKey: Record<Installation['status'], MessageKey> = {
  installed: 'templates.catalogue.status.installed',
  partial: 'templates.catalogue.status.partial',
  uninstalled: 'templates.catalogue.status.uninstalled',
};

const rowKey = (row: Row): string => `${row.installation.spaceKey}:${row.bundle.id}`;

/**
 * The adoption of every installation still in place, one resolver call each (each reads the views of its pages,
 * so one slow space does not hold the others back). `undefined` while counting, `null` when it could not be read.
 */
function useAdoptions(rows: readonly Row[]): ReadonlyMap<string, AdoptionView | null> {
  const [adoptions, setAdoptions] = useState<ReadonlyMap<string, AdoptionView | null>>(new Map());
  const wanted = rows
    .filter((row) => row.installation.status !== 'uninstalled')
    .map((row) => ({ key: rowKey(row), spaceKey: row.installation.spaceKey, bundleId: row.bundle.id }));
  const signature = wanted.map((entry) => entry.key).join('|');
  useEffect(() => {
    let current = true;
    for (const entry of wanted) {
      callResolver('templates.adoption', { spaceKey: entry.spaceKey, bundleId: entry.bundleId }).then(
        (adoption) => {
          if (current) setAdoptions((before) => new Map(before).set(entry.key, adoption));
        },
        () => {
          if (current) setAdoptions((before) => new Map(before).set(entry.key, null));
        },
      );
    }
    return () => {
      current = false;
    };
    // `wanted` is rebuilt on every render; its keys say when it really changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);
  return adoptions;
}

/** One adoption figure: a spinner while counting, "Not available" when the space could not be read. */
function Figure({
  adoption,
  render,
}: {
  adoption: AdoptionView | null | undefined;
  render: (adoption: AdoptionView) => ReactNode;
}) {
  const t = useT();
  if (adoption === undefined) return <Spinner size="small" label={t('templates.catalogue.counting')} />;
  if (adoption === null)
    return <Text color="color.text.subtlest">{t('templates.catalogue.unavailable')}</Text>;
  return <>{render(adoption)}</>;
}

/**
 * Global settings: every space where a bundle is installed (version, date, who, status) with its adoption: how
 * many installed pages people edited and read, and how many pages they made from the bundle's templates.
 */
export function Installations({ entries }: { entries: readonly CatalogueEntryView[] }) {
  const t = useT();
  const language = useLanguage();
  const rows: Row[] = entries
    .flatMap((bundle) => bundle.installations.map((installation) => ({ bundle, installation })))
    .sort(
      (a, b) =>
        a.installation.spaceKey.localeCompare(b.installation.spaceKey) ||
        a.bundle.title.localeCompare(b.bundle.title),
    );
  const adoptions = useAdoptions(rows);
  if (rows.length === 0) {
    return <Text color="color.text.subtle">{t('templates.catalogue.noInstallations')}</Text>;
  }
  const ofPages = (count: number, adoption: AdoptionView) =>
    t('templates.catalogue.ofPages', { count, pages: adoption.installedPages });
  return (
    <DynamicTable
      testId="templates-installations"
      head={{
        cells: [
          { key: 'space', content: t('templates.catalogue.space') },
          { key: 'bundle', content: t('templates.catalogue.bundle') },
          { key: 'installed', content: t('templates.catalogue.installedAt') },
          { key: 'status', content: t('templates.catalogue.status') },
          { key: 'edited', content: t('templates.catalogue.edited') },
          { key: 'viewed', content: t('templates.catalogue.viewed') },
          { key: 'created', content: t('templates.catalogue.fromTemplates') },
        ],
      }}
      rows={rows.map((row) => {
        const { installation, bundle } = row;
        const adoption = installation.status === 'uninstalled' ? null : adoptions.get(rowKey(row));
        return {
          key: rowKey(row),
          testId: `templates-installation-${bundle.id}-${installation.spaceKey}`,
          cells: [
            { key: 'space', content: <Text weight="bold">{installation.spaceKey}</Text> },
            {
              key: 'bundle',
              content: (
                <Stack space="space.050">
                  <Text>{`${bundle.title} ${installation.version}`}</Text>
                  {installation.upgradeAvailable && (
                    <Lozenge appearance="new">
                      {t('templates.catalogue.upgrade', { version: bundle.version })}
                    </Lozenge>
                  )}
                </Stack>
              ),
            },
            {
              key: 'installed',
              content: (
                <Stack space="space.050">
                  <Text>{dayText(language, installation.installedAt)}</Text>
                  {installation.installedBy && (
                    <PersonName person={installation.installedBy} testId="templates-installed-by" />
                  )}
                </Stack>
              ),
            },
            {
              key: 'status',
              content: (
                <Lozenge appearance={installation.status === 'installed' ? 'success' : 'default'}>
                  {t(statusKey[installation.status])}
                </Lozenge>
              ),
            },
            {
              key: 'edited',
              testId: 'templates-adoption-edited',
              content: <Figure adoption={adoption} render={(found) => ofPages(found.editedPages, found)} />,
            },
            {
              key: 'viewed',
              testId: 'templates-adoption-viewed',
              content: (
                <Figure
                  adoption={adoption}
                  render={(found) => (
                    <Stack>
                      <Text>{ofPages(found.viewedPages, found)}</Text>
                      <Text size="small" color="color.text.subtlest">
                        {t('templates.catalogue.views', { views: found.views })}
                      </Text>
                    </Stack>
                  )}
                />
              ),
            },
            {
              key: 'created',
              testId: 'templates-adoption-created',
              content: <Figure adoption={adoption} render={(found) => found.createdFromTemplates} />,
            },
          ],
        };
      })}
    />
  );
}
