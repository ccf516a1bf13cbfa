import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import { useState } from 'react';
import { useSuccessFlag } from '../shell/flags';
import { useT } from '../shell/i18n';
import { callResolver, ResolverFailure } from '../shell/invoke';
import { templatesFailureText } from './failures';

/** Import of a custom bundle; its problems are listed with their paths. */
export function ImportBundle({ onImported }: { onImported: () => void }) {
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
