import { formatMessage } from './format';

/**
 * Why a templates service refused, as an id + params, for the core, the services and the UI alike. The English text here is what the CLI prints and what
 * `error.message` carries; the screens show `templates.error.<reason>` from static/src/templates/messages.ts in
 * the user's language, filled from the same params (a test keeps the two English texts equal).
 */
export const TEMPLATES_ERRORS = {
  notSignedIn: 'Sign in to Confluence to use templates.',
  noSpace: 'Open this from a space, or name the space.',
  spaceNotFound: 'Space {space} does not exist, or you do not have permission to see it.',
  notSpaceAdmin:
    'Only administrators of space {space} can install, upgrade or uninstall bundles. Ask one of them, or ask for space admin rights.',
  notConfluenceAdmin:
    'Only Confluence administrators can see the template catalogue and import bundles. Ask one of them.',
  noHomePage: 'Space {space} has no home page; pick a parent page.',
  parentNotInSpace: 'Page {page} is not a current page of space {space}; pick a parent page in this space.',
  rootNotInSpace: 'Page {page} is not a current page of space {space}; pick a page of this space.',
  badVariables: 'Some values are not right: {problems}.',
  bundleNotFound: 'There is no bundle "{bundle}".',
  installRunning:
    'Bundle "{bundle}" is being installed or removed in space {space} right now; try again when that has finished.',
  bundleIdTaken: '"{bundle}" is the id of a bundle Vertebra ships; give yours another id.',
  badBundleFile: 'The bundle file has {count, plural, # problem|# problems}: {problems}',
  unresolvedConflicts:
    '{count, plural, # page people edited has|# pages people edited have} blocks the new version also changed: {pages}. Choose keep theirs, take ours or keep both for each block, then install.',
  unknownConflictBlock:
    'Page "{page}" has {count, plural, # conflicting block|# conflicting blocks}, not {block}: preview the plan again and choose on what it shows.',
  bundleTooLarge:
    'The bundle "{bundle}" takes {size} KB once stored; Vertebra keeps bundles of at most {limit} KB. Split it into smaller bundles.',
} as const;

export type TemplatesErrorReason = keyof typeof TEMPLATES_ERRORS;

/** Why a variable's value was refused; `{variable}` is the variable's name. */
export const VARIABLE_PROBLEMS = {
  unknownVariable: 'is not a variable of this bundle (expected one of: {expected})',
  required: 'is required',
  tooLong: 'is longer than {limit} characters',
  notAccountId: 'must be an Atlassian account id (letters, digits, colons, dashes)',
  notDate: 'must be a date written YYYY-MM-DD',
  noTeams: 'must name at least one team, separated by commas',
  tooManyTeams: 'may name at most {max} teams',
} as const;

export type VariableProblemReason = keyof typeof VARIABLE_PROBLEMS;

export type MessageParams = Readonly<Record<string, string | number>>;

/** Fills the placeholders of an English text (`{name}`, `{count, plural, # problem|# problems}`). */
export function fillPlaceholders(text: string, params: MessageParams = {}): string {
  return formatMessage('en', text, params);
}
