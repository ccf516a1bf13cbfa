/** Why a dependencies service refused (see `./app-errors.ts` for how a reason travels and is translated). */
export const DEPENDENCIES_ERRORS = {
  spaceNotFound: 'No space with key {space}, or you cannot see it.',
  mayNotAddPages: 'You may not add pages to the space {space}.',
  noHomePage: 'The space {space} has no home page to publish under.',
  noPublishSpace: 'Say which space to publish to.',
  badWords: 'The word list was not saved: {problems}.',
  badRiskRules: 'The risk rules were not saved: {problems}.',
  notJiraAdmin: 'Only Jira administrators can change what reads as blocking.',
  workSignIn: 'Dependency work runs for a signed-in user; sign in to Jira.',
  workGone: 'This work is no longer available; start it again.',
  unknownTeamBy: 'Unknown team dimension: {teamBy}',
  noTeamField: 'This site has no Atlassian Team field: pick another team dimension.',
  issueNotFound: 'Issue {issue} does not exist or you may not see it.',
  dayPassed: '{day} has passed: give today or a later day.',
  notADay: '{day} is not a day of the calendar.',
  noReason: 'Say why in 1 to 500 characters.',
  notBlocking: '{blocker} does not block {blocked}: there is no blocking link.',
  mayNotAsk: 'Only people who may edit {issue} can ask on this dependency.',
  mayNotCommit: 'Only people who may edit {issue} can commit on this dependency.',
  mayNotDecline: 'Only people who may edit {issue} can decline on this dependency.',
  agreementsUnreadable:
    'The agreements kept on {issue} cannot be read ({problem}); nothing was changed. Someone who may edit {issue} can delete its {property} property to start again.',
  tooManyAgreements: '{issue} already holds agreements with {limit} issues, the most one issue may hold.',
} as const;

export type DependenciesErrorReason = keyof typeof DEPENDENCIES_ERRORS;
