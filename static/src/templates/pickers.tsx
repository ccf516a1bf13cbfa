import Avatar from '@atlaskit/avatar';
import { Inline, Text } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import { useEffect, useState } from 'react';
import type { PageChoiceView, PersonView } from '@contract/templates';
import { useProductContext } from '../shell/context';
import { siteLink } from '../shell/product-context';
import { useT } from '../shell/i18n';
import { callResolver } from '../shell/invoke';
import { useTemplatesFailureFlag } from './useFailure';

/** Confluence gives avatars site-relative (`/wiki/aa-avatar/…`); the app's frame is on another origin. */
function avatarSource(siteUrl: string | undefined, avatarUrl: string | null): string | undefined {
  if (!avatarUrl) return undefined;
  return siteLink(siteUrl, avatarUrl);
}

interface PersonOption {
  readonly label: string;
  readonly value: string;
  readonly avatarUrl: string | null;
}

/** A person's avatar and name; an account Confluence no longer knows is a "Former user". */
export function PersonName({ person, testId }: { person: PersonView; testId?: string }) {
  const t = useT();
  const { siteUrl } = useProductContext();
  const name = person.displayName ?? t('templates.people.former');
  return (
    <Inline space="space.075" alignBlock="center" testId={testId}>
      {/* The name is written beside it: the avatar is decoration, not read out twice. */}
      <Avatar size="small" src={avatarSource(siteUrl, person.avatarUrl)} />
      <Text>{name}</Text>
    </Inline>
  );
}

const toOption = (person: PersonView): PersonOption => ({
  label: person.displayName ?? person.accountId,
  value: person.accountId,
  avatarUrl: person.avatarUrl,
});

/**
 * The picker of a "user" variable: searches the site's people by name (through the resolver, as the current
 * user), shows names and avatars, and hands back the chosen account id.
 */
export function PersonPicker({
  inputId,
  testId,
  accountId,
  onChange,
}: {
  inputId: string;
  testId: string;
  accountId: string;
  onChange: (accountId: string) => void;
}) {
  const t = useT();
  const { siteUrl } = useProductContext();
  const showFailure = useTemplatesFailureFlag();
  const [chosen, setChosen] = useState<PersonOption | undefined>(undefined);

  // The value may come from elsewhere (the default is the current user): look its name up once.
  useEffect(() => {
    if (accountId === '' || chosen?.value === accountId) return;
    let current = true;
    callResolver('templates.people', { accountIds: [accountId] }).then(
      ([person]) => {
        if (current && person) setChosen(toOption(person));
      },
      () => undefined, // the picker still works; the id is shown until a name is picked
    );
    return () => {
      current = false;
    };
  }, [accountId, chosen]);

  const loadOptions = async (query: string): Promise<PersonOption[]> => {
    if (query.trim() === '') return [];
    try {
      return (await callResolver('templates.findPeople', { query })).map(toOption);
    } catch (error) {
      showFailure(error);
      return [];
    }
  };

  const value =
    accountId === ''
      ? null
      : chosen?.value === accountId
        ? chosen
        : { label: accountId, value: accountId, avatarUrl: null };
  return (
    <AsyncSelect<PersonOption>
      inputId={inputId}
      testId={testId}
      cacheOptions
      loadOptions={loadOptions}
      value={value}
      placeholder={t('templates.people.placeholder')}
      noOptionsMessage={() => t('templates.people.noMatch')}
      formatOptionLabel={(option: PersonOption) => (
        <Inline space="space.075" alignBlock="center">
          <Avatar size="small" src={avatarSource(siteUrl, option.avatarUrl)} />
          <Text>{option.label}</Text>
        </Inline>
      )}
      onChange={(option: PersonOption | null) => {
        setChosen(option ?? undefined);
        onChange(option?.value ?? '');
      }}
    />
  );
}

interface PageOption {
  readonly label: string;
  readonly value: string;
}

/** Picks a page of a space by title (the install's parent, an export's root); clearable. */
export function PagePicker({
  inputId,
  testId,
  spaceKey,
  page,
  onChange,
}: {
  inputId: string;
  testId: string;
  spaceKey: string;
  page: PageChoiceView | undefined;
  onChange: (page: PageChoiceView | undefined) => void;
}) {
  const t = useT();
  const showFailure = useTemplatesFailureFlag();
  const loadOptions = async (query: string): Promise<PageOption[]> => {
    try {
      const pages = await callResolver('templates.pages', { spaceKey, query });
      return pages.map((choice) => ({ label: choice.title, value: choice.id }));
    } catch (error) {
      showFailure(error);
      return [];
    }
  };
  return (
    <AsyncSelect<PageOption>
      inputId={inputId}
      testId={testId}
      cacheOptions={spaceKey}
      defaultOptions
      isClearable
      loadOptions={loadOptions}
      value={page ? { label: page.title, value: page.id } : null}
      placeholder={t('templates.pages.placeholder')}
      noOptionsMessage={() => t('templates.pages.noMatch')}
      onChange={(option: PageOption | null) => {
        onChange(option ? { id: option.value, title: option.label } : undefined);
      }}
    />
  );
}
