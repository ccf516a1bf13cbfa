import { JiraClient } from '../atlassian/jira';
import type { InvocationContext } from '../contract/context';
import type { Platform, Principal } from './ports';
import { appRefusal } from './refusals';

/**
 * Who asks, and may they: each resolver calls these on its first lines, so every check is written once and reads
 * the same in every capability. What a user reads is checked by Jira and Confluence themselves (every read acts
 * as them); these guard what a read alone would not: starting a scan of a project, changing the site's settings.
 */

/** The signed-in user, as whom everything the request does reads and writes. */
export function signedIn(
  context: Pick<InvocationContext, 'accountId'>,
  refusal: () => Error = () => appRefusal('UNAUTHENTICATED', 'notSignedIn'),
): Principal {
  if (!context.accountId) throw refusal();
  return { kind: 'user', accountId: context.accountId };
}

/**
 * The user may browse the project (Jira's BROWSE_PROJECTS). A project they may not see is refused exactly as one
 * that does not exist: the answer says nothing of it.
 */
export async function mayBrowseProject(
  platform: Platform,
  principal: Principal,
  projectKey: string,
): Promise<void> {
  const held = await new JiraClient(platform.jira(principal)).myPermissions(['BROWSE_PROJECTS'], {
    projectKey,
  });
  if (held.BROWSE_PROJECTS !== true)
    throw appRefusal('FORBIDDEN', 'cannotBrowseProject', { project: projectKey });
}

/** Whether the user administers Jira (ADMINISTER): site-wide settings are theirs to change. */
export async function isJiraAdmin(jira: JiraClient): Promise<boolean> {
  return (await jira.myPermissions(['ADMINISTER'])).ADMINISTER === true;
}

/** Whether the user administers the project (ADMINISTER_PROJECTS): its overrides are theirs to change. */
export async function isProjectAdmin(jira: JiraClient, projectKey: string): Promise<boolean> {
  return (await jira.myPermissions(['ADMINISTER_PROJECTS'], { projectKey })).ADMINISTER_PROJECTS === true;
}
