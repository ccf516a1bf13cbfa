import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Grid, Inline, Stack, Text } from '@atlaskit/primitives';
import type { ConflictChoice, PlanView, ResolutionView } from '@contract/templates';
import { useProductContext } from '../shell/context';
import { useLanguage, useT, type MessageKey } from '../shell/i18n';
import { dayText } from './dates';
import { PersonName } from './pickers';

/** A person's choice for one conflicting block, as the plan and install resolvers take it. */
export interface Resolution {
  readonly pageKey: string;
  readonly block: number;
  readonly choice: ConflictChoice;
  readonly fingerprint: string;
}

const CHOICES: readonly { choice: ConflictChoice; label: MessageKey }[] = [
  { choice: 'theirs', label: 'templates.conflict.keepTheirs' },
  { choice: 'ours', label: 'templates.conflict.takeOurs' },
  { choice: 'both', label: 'templates.conflict.keepBoth' },
];

const chosenKey: Record<ConflictChoice, MessageKey> = {
  theirs: 'templates.choice.theirs',
  ours: 'templates.choice.ours',
  both: 'templates.choice.both',
};

/** The resolutions with one block's choice set (a block chosen again: the last choice counts). */
export function withChoice(resolutions: readonly Resolution[], next: Resolution): Resolution[] {
  return [
    ...resolutions.filter(
      (resolution) => resolution.pageKey !== next.pageKey || resolution.block !== next.block,
    ),
    next,
  ];
}

/** How many conflicting blocks of a plan still wait for a person's choice. */
export function unchosenBlocks(plan: PlanView): number {
  return plan.pages.reduce(
    (count, page) =>
      count +
      (page.action === 'conflict' ? page.conflicts.filter((block) => block.choice === null).length : 0),
    0,
  );
}

/**
 * Storage as people read it: the words, without the markup. When both sides read the same (they differ in a
 * link, a macro or an attribute), the storage itself is shown so the difference can be seen.
 */
function readable(storage: string, other: string): string {
  const words = (text: string): string =>
    text
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  return words(storage) === words(other) || words(storage) === '' ? storage : words(storage);
}

/**
 * Each block people and the new version both changed, side by side (the page as people have it, the new
 * version), with keep theirs / take ours / keep both. Nothing on these pages is written until every block has
 * a choice; the choice shown is the one the plan was made with.
 */
export function ConflictChoices({
  plan,
  onChoose,
  disabled,
}: {
  plan: PlanView;
  onChoose: (resolution: Resolution) => void;
  disabled: boolean;
}) {
  const t = useT();
  const { siteUrl } = useProductContext();
  const pages = plan.pages.filter((page) => page.conflicts.length > 0);
  if (pages.length === 0) return null;
  return (
    <Stack space="space.150" testId="templates-conflicts">
      <Heading size="small">{t('templates.conflict.title')}</Heading>
      <Text>{t('templates.conflict.intro')}</Text>
      {pages.flatMap((page) =>
        page.conflicts.map((block, index) => {
          const number = index + 1;
          const testId = `templates-conflict-${page.key}-${String(number)}`;
          return (
            <Stack key={`${page.key}-${String(number)}`} space="space.075" testId={testId}>
              <Inline space="space.100" alignBlock="baseline">
                <Text weight="medium">
                  {t('templates.conflict.block', { page: page.title, block: number })}
                </Text>
                {page.compareUrl && (
                  <a href={`${siteUrl ?? ''}${page.compareUrl}`} target="_blank" rel="noreferrer">
                    {t('templates.conflict.compare')}
                  </a>
                )}
              </Inline>
              <Grid templateColumns="1fr 1fr" gap="space.100">
                <Box
                  padding="space.100"
                  backgroundColor="color.background.neutral"
                  testId={`${testId}-page-now`}
                >
                  <Stack space="space.050">
                    <Text size="small" color="color.text.subtle">
                      {t('templates.conflict.theirs')}
                    </Text>
                    <Text>{readable(block.theirs, block.ours)}</Text>
                  </Stack>
                </Box>
                <Box
                  padding="space.100"
                  backgroundColor="color.background.neutral"
                  testId={`${testId}-new-version`}
                >
                  <Stack space="space.050">
                    <Text size="small" color="color.text.subtle">
                      {t('templates.conflict.ours', { version: plan.version })}
                    </Text>
                    <Text>{readable(block.ours, block.theirs)}</Text>
                  </Stack>
                </Box>
              </Grid>
              <Inline space="space.075" alignBlock="center">
                {CHOICES.map(({ choice, label }) => (
                  <Button
                    key={choice}
                    testId={`${testId}-${choice}`}
                    isSelected={block.choice === choice}
                    isDisabled={disabled}
                    onClick={() => {
                      onChoose({ pageKey: page.key, block: number, choice, fingerprint: block.fingerprint });
                    }}
                  >
                    {t(label)}
                  </Button>
                ))}
                {block.choice && (
                  <Text testId={`${testId}-chosen`}>
                    {t('templates.conflict.chosen', { choice: t(chosenKey[block.choice]) })}
                  </Text>
                )}
              </Inline>
            </Stack>
          );
        }),
      )}
    </Stack>
  );
}

/** The choices people made at upgrades of the bundle in this space, latest first: who, when, which. */
export function RecordedChoices({ resolutions }: { resolutions: readonly ResolutionView[] }) {
  const t = useT();
  const language = useLanguage();
  if (resolutions.length === 0) return null;
  return (
    <Stack space="space.050" testId="templates-recorded-choices">
      <Text weight="medium">{t('templates.recorded.title')}</Text>
      <ul>
        {[...resolutions].reverse().map((resolution) => (
          <li key={`${resolution.chosenAt}-${resolution.pageKey}-${String(resolution.block)}`}>
            <Inline space="space.075" alignBlock="center" shouldWrap>
              <Text>
                {t('templates.recorded.line', {
                  page: resolution.page,
                  block: resolution.block,
                  choice: t(chosenKey[resolution.choice]),
                  version: resolution.version,
                  date: dayText(language, resolution.chosenAt),
                })}
              </Text>
              {resolution.chosenBy ? (
                <PersonName person={resolution.chosenBy} />
              ) : (
                <Text>{t('templates.recorded.byApp')}</Text>
              )}
            </Inline>
          </li>
        ))}
      </ul>
    </Stack>
  );
}
