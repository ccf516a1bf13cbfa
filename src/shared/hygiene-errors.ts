/** Why a hygiene service refused (see `./app-errors.ts` for how a reason travels and is translated). */
export const HYGIENE_ERRORS = {
  notOrgAdmin: 'Only Jira administrators can change the organisation rules.',
  notProjectAdmin: 'Only administrators of {project} can change its hygiene rules.',
  notGateAdmin: 'Only administrators of {project} can change its gate.',
  badGate: 'The gate was not saved: {problems}',
  notEvidenceAdmin: 'Only Jira administrators can measure the organisation rules.',
  issueNotFound: 'Issue {issue} was not found.',
  expiryPassed: 'The expiry must be a date in the future.',
  expiryTooFar: 'An acknowledgement may last at most {days} days.',
  unknownRule: 'There is no hygiene rule "{rule}".',
  badSettings: 'The rules were not saved: {problems}',
  scanSignIn: 'A large report runs for a signed-in user; sign in to Jira.',
  scanGone: 'This scan is no longer available; start the report again.',
  scanFailed: 'The scan failed, so it has no CSV; run it again. {reason}',
  scanRunning: 'The scan is still running; export once it is done.',
  noCsvPiece: "This scan's CSV has no piece {piece}.",
  exportTooLarge: 'This scope is too large to export at once: run the report, then export the finished scan.',
} as const;
