/**
 * Why the app refused, as reason ids with their English text (what the CLI prints and `error.message` carries),
 * one catalogue per capability plus this one for the guards every capability shares. A refusal carries its
 * reason and parameters in `details` (`{ reason, params }`), and the screens show the message `<capability>.error.
 * <reason>` (`shell.error.<reason>` for these) in the reader's language, filled from the same parameters; a test
 * keeps the UI's English equal to the text here.
 */
export const APP_ERRORS = {
  notSignedIn: 'Sign in to Jira to use Vertebra.',
  cannotBrowseProject: 'You cannot browse project {project}.',
  jobGone: 'This job is no longer available; start it again.',
} as const;
