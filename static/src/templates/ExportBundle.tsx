import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import Select from '@atlaskit/select';
import { useState } from 'react';
import type { PageChoiceView } from '@contract/templates';
import { downloadText } from '../shell/download';
import { useSuccessFlag } from '../shell/flags';
import { useLanguage, useT } from '../shell/i18n';
import { callResolver } from '../shell/invoke';
import { Labelled, TextInput } from './fields';
import { PagePicker } from './pickers';
import { useTemplatesFailureFlag } from './useFailure';

const FORMATS = [
  { label: 'YAML', value: 'yaml' },
  { label: 'JSON', value: 'json' },
] as const;

/** A line above the export: it is a task of its own, not a step of the install above it. */
const separated = {
  borderTop: `1px solid ${token('color.border')}`,
  paddingTop: token('space.300'),
  marginTop: token('space.200'),
} as const;

/** What the export's id field accepts (the contract's rule): checked here so the button says it early. */
const BUNDLE_ID = /^[a-z0-9][a-z0-9-]*$/;
const VERSION = /^\d+\.\d+\.\d+$/;

/** A bundle id from a page title: "Team rituals" → "team-rituals". */
function bundleIdFrom(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/**
 * Export of a page tree of this space as a bundle file: pick the top page, name the bundle, download YAML or
 * JSON. The file imports back in the catalogue (global settings) of this or another site.
 */
export function ExportBundle({ spaceKey }: { spaceKey: string }) {
  const t = useT();
  const language = useLanguage();
  const showFailure = useTemplatesFailureFlag();
  const showSuccess = useSuccessFlag();
  const [root, setRoot] = useState<PageChoiceView | undefined>(undefined);
  const [id, setId] = useState('');
  const [title, setTitle] = useState('');
  const [version, setVersion] = useState('1.0.0');
  const [format, setFormat] = useState<'yaml' | 'json'>('yaml');
  const [busy, setBusy] = useState(false);
  const ready = root !== undefined && BUNDLE_ID.test(id) && title.trim() !== '' && VERSION.test(version);

  const download = async (): Promise<void> => {
    if (!root) return;
    setBusy(true);
    try {
      const file = await callResolver('templates.export', {
        spaceKey,
        rootPageId: root.id,
        id,
        title: title.trim(),
        version,
        language,
        format,
      });
      downloadText(file.fileName, file.text, format === 'json' ? 'application/json' : 'application/yaml');
      showSuccess(t('templates.export.done', { file: file.fileName }));
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={separated}>
      <Stack space="space.100" testId="templates-export">
        <Heading size="small">{t('templates.export.title')}</Heading>
        <Text color="color.text.subtle">{t('templates.export.help')}</Text>
        <Labelled id="templates-export-root" label={t('templates.export.root')}>
          <PagePicker
            inputId="templates-export-root"
            testId="templates-export-root"
            spaceKey={spaceKey}
            page={root}
            onChange={(page) => {
              setRoot(page);
              // Suggested from the page, until the user types their own.
              if (page && id === '') setId(bundleIdFrom(page.title));
              if (page && title === '') setTitle(page.title);
            }}
          />
        </Labelled>
        <Inline space="space.200" shouldWrap>
          <TextInput
            id="templates-export-id"
            label={t('templates.export.id')}
            value={id}
            isInvalid={id !== '' && !BUNDLE_ID.test(id)}
            onChange={setId}
          />
          <TextInput
            id="templates-export-name"
            label={t('templates.export.name')}
            value={title}
            onChange={setTitle}
          />
          <TextInput
            id="templates-export-version"
            label={t('templates.export.version')}
            value={version}
            isInvalid={!VERSION.test(version)}
            onChange={setVersion}
          />
          <Labelled id="templates-export-format" label={t('templates.export.format')}>
            <Select
              inputId="templates-export-format"
              testId="templates-export-format"
              options={FORMATS}
              value={FORMATS.find((option) => option.value === format) ?? null}
              onChange={(option) => {
                if (option) setFormat(option.value);
              }}
            />
          </Labelled>
        </Inline>
        <Box>
          <Button
            testId="templates-export-download"
            onClick={() => void download()}
            isDisabled={busy || !ready}
            isLoading={busy}
          >
            {t('templates.export.button')}
          </Button>
        </Box>
      </Stack>
    </div>
  );
}
