import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Modal, {
  ModalBody,
  ModalFooter,
  ModalHeader,
  ModalTitle,
  ModalTransition,
} from '@atlaskit/modal-dialog';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import ProgressBar from '@atlaskit/progress-bar';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import { useEffect, useMemo, useState } from 'react';
import {
  compareVersions,
  type BundleView,
  type InstallOutcomeView,
  type PageChoiceView,
  type PlanView,
  type UninstallView,
} from '@contract/templates';
import { useProductContext } from '../shell/context';
import { useLanguage, useT } from '../shell/i18n';
import { callResolver, useResolver } from '../shell/invoke';
import { Loading } from '../shell/placeholders';
import { dayText } from './dates';
import { Labelled, TextInput } from './fields';
import {
  ConflictChoices,
  RecordedChoices,
  unchosenBlocks,
  withChoice,
  type Resolution,
} from './ConflictChoices';
import { ExportBundle } from './ExportBundle';
import { templatesFailureText } from './failures';
import { InstallResult, UninstallResult } from './Outcomes';
import { PagePicker, PersonPicker } from './pickers';
import { PlanTable } from './PlanTable';
import { useTemplatesFailureFlag } from './useFailure';

/** Writing steps per resolver call: each call stays far below Forge's 25 s, and drives the progress bar. */
const STEPS_PER_CALL = 3;

interface Option {
  readonly label: string;
  readonly value: string;
}

/** Initial values: declared defaults, and the current user for "user" variables. */
function initialValues(
  bundle: BundleView | undefined,
  accountId: string | undefined,
): Record<string, string> {
  return Object.fromEntries(
    (bundle?.variables ?? []).map((variable) => [
      variable.name,
      variable.default ?? (variable.type === 'user' ? (accountId ?? '') : ''),
    ]),
  );
}

/** Space settings: pick a bundle, fill its variables, preview the plan, install with progress, uninstall. */
export default function SpaceSettings() {
  const t = useT();
  const uiLanguage = useLanguage();
  const { extension, accountId } = useProductContext();
  const spaceKey = extension.space?.key ?? '';
  const showFailure = useTemplatesFailureFlag();
  const [language, setLanguage] = useState<'en' | 'fr'>(uiLanguage);
  // Flagged here rather than by the shell, so a templates reason is said in the user's language.
  const bundles = useResolver('templates.bundles', { language }, [], { flag: false });
  useEffect(() => {
    if (bundles.error) showFailure(bundles.error);
  }, [bundles.error, showFailure]);
  const [bundleId, setBundleId] = useState<string | undefined>(undefined);
  const bundle = bundles.data?.find((candidate) => candidate.id === bundleId) ?? bundles.data?.[0];
  // Asked first: a user who cannot install here is told before filling anything in.
  const access = useResolver('templates.space', { spaceKey }, [], { flag: false });
  const canInstall = access.data?.canAdminister === true;
  const installedHere = access.data?.installations.find(
    (installation) => installation.bundleId === bundle?.id && installation.status !== 'uninstalled',
  );
  // What the user typed, per bundle; the values of the install in place, then the declared defaults, fill the rest.
  const [edited, setEdited] = useState<Record<string, Record<string, string>>>({});
  const installedValues = installedHere?.variables;
  const values = useMemo(
    () => ({
      ...initialValues(bundle, accountId),
      ...installedValues,
      ...(edited[bundle?.id ?? ''] ?? {}),
    }),
    [bundle, accountId, installedValues, edited],
  );
  const setVariable = (bundleId: string, name: string, value: string): void => {
    setEdited((current) => ({ ...current, [bundleId]: { ...current[bundleId], [name]: value } }));
  };
  const [parent, setParent] = useState<PageChoiceView | undefined>(undefined);
  const [plan, setPlan] = useState<PlanView | undefined>(undefined);
  // The person's choices on conflicting blocks, sent with every plan and install until the install is done.
  const [resolutions, setResolutions] = useState<Resolution[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>(undefined);
  const [outcome, setOutcome] = useState<InstallOutcomeView | undefined>(undefined);
  const [uninstalled, setUninstalled] = useState<UninstallView | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);

  const payload = useMemo(
    () => ({
      spaceKey,
      bundleId: bundle?.id ?? '',
      language,
      variables: values,
      resolutions,
      ...(parent ? { parentId: parent.id } : {}),
    }),
    [spaceKey, bundle, language, values, parent, resolutions],
  );

  const run = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setFailure(undefined);
    try {
      await action();
    } catch (error) {
      // Said in place, beside the button pressed, where it stays until the next try (no flag on top of it).
      const labels = new Map(bundle?.variables.map((variable) => [variable.name, variable.label]));
      setFailure(templatesFailureText(t, error, (name) => labels.get(name) ?? name));
    } finally {
      setBusy(false);
      access.reload();
    }
  };

  const preview = () =>
    run(async () => {
      setOutcome(undefined);
      setUninstalled(undefined);
      setPlan(await callResolver('templates.plan', payload));
    });

  const choose = (resolution: Resolution) => {
    const next = withChoice(resolutions, resolution);
    setResolutions(next);
    // Planned again at once: the plan counts what the choices write, and shows them selected.
    return run(async () => {
      setPlan(await callResolver('templates.plan', { ...payload, resolutions: next }));
    });
  };

  const install = () =>
    run(async () => {
      setOutcome(undefined);
      let created = 0;
      let updated = 0;
      let merged = 0;
      let first: InstallOutcomeView | undefined;
      for (;;) {
        const step = await callResolver('templates.install', { ...payload, maxSteps: STEPS_PER_CALL });
        first ??= step;
        created += step.created;
        updated += step.updated;
        merged += step.merged;
        const total = first.created + first.updated + first.remaining;
        setProgress({ done: total - step.remaining, total });
        if (step.remaining === 0) {
          setOutcome({ ...step, created, updated, merged, skipped: first.skipped });
          setResolutions([]);
          setPlan(await callResolver('templates.plan', { ...payload, resolutions: [] }));
          break;
        }
      }
    }).finally(() => {
      setProgress(undefined);
    });

  const uninstall = () =>
    run(async () => {
      setConfirming(false);
      setUninstalled(await callResolver('templates.uninstall', { spaceKey, bundleId: bundle?.id ?? '' }));
      setPlan(undefined);
      setOutcome(undefined);
    });

  const unchosen = plan ? unchosenBlocks(plan) : 0;
  if (bundles.loading && !bundles.data) return <Loading />;
  const bundleOptions: Option[] = (bundles.data ?? []).map((candidate) => ({
    label: candidate.title,
    value: candidate.id,
  }));
  const languageOptions: Option[] = (bundle?.languages ?? ['en']).map((code) => ({
    label: code === 'fr' ? 'Français' : 'English',
    value: code,
  }));

  return (
    <Box padding="space.300" testId="templates-installer">
      <Stack space="space.200">
        <Heading size="large">{t('templates.installer.title', { space: spaceKey })}</Heading>
        <Text>{t('templates.installer.intro')}</Text>
        {access.error && (
          <SectionMessage appearance="error" testId="templates-access">
            <Text>{templatesFailureText(t, access.error)}</Text>
          </SectionMessage>
        )}
        {access.data && !access.data.canAdminister && (
          <SectionMessage
            appearance="warning"
            title={t('templates.installer.notAdminTitle', { space: access.data.spaceKey })}
            testId="templates-access"
          >
            <Text>{t('templates.error.notSpaceAdmin', { space: access.data.spaceKey })}</Text>
          </SectionMessage>
        )}
        <Inline space="space.200" shouldWrap>
          <Labelled id="templates-bundle" label={t('templates.installer.bundle')}>
            <Select
              inputId="templates-bundle"
              testId="templates-bundle"
              options={bundleOptions}
              value={bundleOptions.find((option) => option.value === bundle?.id) ?? null}
              onChange={(option) => {
                setBundleId(option?.value);
                setResolutions([]);
                setPlan(undefined);
                setOutcome(undefined);
              }}
            />
          </Labelled>
          <Labelled id="templates-language" label={t('templates.installer.language')}>
            <Select
              inputId="templates-language"
              testId="templates-language"
              options={languageOptions}
              value={languageOptions.find((option) => option.value === language) ?? null}
              onChange={(option) => {
                if (option?.value === 'en' || option?.value === 'fr') setLanguage(option.value);
                setPlan(undefined);
              }}
            />
          </Labelled>
        </Inline>
        {bundle && (
          <Stack space="space.050">
            <Text color="color.text.subtle">
              {bundle.description === '' ? '' : `${bundle.description} — `}
              {t('templates.installer.pages', { count: bundle.pageCount, templates: bundle.templateCount })}
            </Text>
            {installedHere && (
              <Text testId="templates-installed-here">
                {installedHere.status === 'partial'
                  ? t('templates.installer.partlyHere', { version: installedHere.version })
                  : t('templates.installer.installedHere', {
                      version: installedHere.version,
                      date: dayText(uiLanguage, installedHere.installedAt),
                    })}
                {compareVersions(installedHere.availableVersion ?? bundle.version, installedHere.version) >
                  0 &&
                  ` ${t('templates.installer.upgradeHere', { version: installedHere.availableVersion ?? bundle.version })}`}
              </Text>
            )}
            {installedHere && <RecordedChoices resolutions={installedHere.resolutions} />}
          </Stack>
        )}
        {bundle && bundle.variables.length > 0 && (
          <Heading size="small">{t('templates.installer.variables')}</Heading>
        )}
        {bundle?.variables.map((variable) => {
          const label = `${variable.label}${variable.required ? ` (${t('templates.installer.required')})` : ''}`;
          const id = `templates-var-${variable.name}`;
          const value = values[variable.name] ?? '';
          const onChange = (typed: string): void => {
            setVariable(bundle.id, variable.name, typed);
          };
          return variable.type === 'user' ? (
            <Labelled key={variable.name} id={id} label={label}>
              <PersonPicker inputId={id} testId={id} accountId={value} onChange={onChange} />
            </Labelled>
          ) : (
            <TextInput
              key={variable.name}
              id={id}
              label={label}
              type={variable.type === 'date' ? 'date' : 'text'}
              value={value}
              onChange={onChange}
            />
          );
        })}
        <Labelled id="templates-parent" label={t('templates.installer.parent')}>
          <PagePicker
            inputId="templates-parent"
            testId="templates-parent"
            spaceKey={spaceKey}
            page={parent}
            onChange={(page) => {
              setParent(page);
              setPlan(undefined);
            }}
          />
        </Labelled>
        <Inline space="space.100">
          <Button
            testId="templates-preview"
            onClick={() => void preview()}
            isDisabled={busy || !bundle || !canInstall}
          >
            {t('templates.installer.preview')}
          </Button>
          <Button
            testId="templates-install"
            appearance="primary"
            onClick={() => void install()}
            isDisabled={busy || !plan || !canInstall || plan.writes === 0 || unchosen > 0}
          >
            {t('templates.installer.install')}
          </Button>
          <Button
            testId="templates-uninstall"
            appearance="subtle"
            onClick={() => {
              setConfirming(true);
            }}
            isDisabled={busy || !canInstall || !installedHere}
          >
            {t('templates.installer.uninstall')}
          </Button>
        </Inline>
        {unchosen > 0 && (
          <Text testId="templates-install-waits" color="color.text.warning">
            {t('templates.installer.chooseFirst', { count: unchosen })}
          </Text>
        )}
        {failure && (
          <SectionMessage appearance="error" testId="templates-error">
            <Text>{failure}</Text>
          </SectionMessage>
        )}
        {progress && (
          <Stack space="space.050" testId="templates-progress">
            <ProgressBar
              ariaLabel={t('templates.installer.installing', progress)}
              value={progress.total === 0 ? 1 : progress.done / progress.total}
            />
            <Text>{t('templates.installer.installing', progress)}</Text>
          </Stack>
        )}
        {outcome && <InstallResult outcome={outcome} bundleTitle={bundle?.title ?? outcome.bundleId} />}
        {uninstalled && <UninstallResult spaceKey={spaceKey} outcome={uninstalled} />}
        {plan && (
          <Stack space="space.100">
            <Heading size="small">{t('templates.plan.title')}</Heading>
            <Text testId="templates-plan-summary">{t('templates.plan.summary', plan.summary)}</Text>
            {plan.summary.merge > 0 && <Text>{t('templates.plan.merges', plan.summary)}</Text>}
            <PlanTable plan={plan} />
            <ConflictChoices plan={plan} onChoose={(resolution) => void choose(resolution)} disabled={busy} />
          </Stack>
        )}
        <ExportBundle spaceKey={spaceKey} />
      </Stack>
      <ModalTransition>
        {confirming && (
          <Modal
            onClose={() => {
              setConfirming(false);
            }}
            testId="templates-uninstall-modal"
          >
            <ModalHeader>
              <ModalTitle>{t('templates.installer.uninstall')}</ModalTitle>
            </ModalHeader>
            <ModalBody>
              <Text>{t('templates.installer.uninstallConfirm', { bundle: bundle?.title ?? '' })}</Text>
            </ModalBody>
            <ModalFooter>
              <Button
                appearance="subtle"
                onClick={() => {
                  setConfirming(false);
                }}
              >
                {t('templates.installer.cancel')}
              </Button>
              <Button
                appearance="warning"
                testId="templates-uninstall-confirm"
                onClick={() => void uninstall()}
              >
                {t('templates.installer.confirm')}
              </Button>
            </ModalFooter>
          </Modal>
        )}
      </ModalTransition>
    </Box>
  );
}
