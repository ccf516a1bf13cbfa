/**
 * Asking, committing and declining on a dependency, as the person who does it: the blocked team asks for the
 * blocker by a day, the blocker's team commits to a day or declines. Only someone Jira lets edit the issue on
 * their side may do it (EDIT_ISSUES on the blocked issue to ask, on the blocker to commit or decline). The
 * agreement is written, as that person, into the blocker issue's agreements property, so Jira's own rights on
 * the blocker decide the write too.
 */
import { AtlassianError } from '../../atlassian/errors';
import type { JiraClient, JiraIssue } from '../../atlassian/jira';
import {
  AGREEMENTS_PROPERTY,
  agreementOf,
  applyAgreement,
  blockingTypesById,
  DEFAULT_BLOCKING_WORDS,
  MAX_AGREEMENTS,
  readAgreements,
  readBlockingLinks,
  readIssue,
  sideOf,
  type Agreement,
  type AgreementChange,
  type BlockingWords,
} from '../../dependencies';
import { dependenciesRefusal } from '../refusals';

/** Enough to read an issue's status: the team dimension does not matter here. */
const PLAIN_READ = { teamBy: { kind: 'project' }, fieldIds: {} } as const;

export interface AgreeRequest {
  readonly blockerKey: string;
  readonly blockedKey: string;
  /** Already checked: days are calendar days, a reason is folded and not empty (see the core). */
  readonly change: AgreementChange;
}

export interface AgreeResult {
  readonly blocker: string;
  readonly blocked: string;
  readonly agreement: Agreement;
}

/** One issue as the user sees it; missing or not theirs to see is the same answer, naming only what they typed. */
async function issueOrMissing(
  jira: JiraClient,
  key: string,
  fields: readonly string[],
  properties: readonly string[] = [],
): Promise<JiraIssue> {
  try {
    return await jira.getIssue(key, fields, { properties });
  } catch (error) {
    if (error instanceof AtlassianError && error.status === 404)
      throw dependenciesRefusal('NOT_FOUND', 'issueNotFound', { issue: key });
    throw error;
  }
}

/**
 * Records what the user behind `jira` says on the dependency `blockerKey` → `blockedKey` and answers the
 * agreement as it now stands. Refuses (typed) a pair that is not a blocking link, a day already passed, a user
 * who may not edit their side's issue, and a blocker whose property cannot be read (nothing is overwritten).
 */
export async function agreeOnDependency(
  jira: JiraClient,
  request: AgreeRequest,
  options: { readonly now: Date; readonly blockingWords?: BlockingWords },
): Promise<AgreeResult> {
  const today = options.now.toISOString().slice(0, 10);
  const day =
    request.change.kind === 'ask'
      ? request.change.neededBy
      : request.change.kind === 'commit'
        ? request.change.committedBy
        : null;
  if (day !== null && day < today) throw dependenciesRefusal('INVALID_INPUT', 'dayPassed', { day });
  const [linkTypes, blocker, blocked] = await Promise.all([
    jira.issueLinkTypes(),
    issueOrMissing(jira, request.blockerKey, ['issuelinks', 'status'], [AGREEMENTS_PROPERTY]),
    issueOrMissing(jira, request.blockedKey, ['status']),
  ]);
  const types = blockingTypesById(linkTypes, options.blockingWords ?? DEFAULT_BLOCKING_WORDS);
  const linked = readBlockingLinks(blocker, types).links.some(
    (link) => link.blockerId === blocker.id && link.blockedId === blocked.id,
  );
  if (!linked)
    throw dependenciesRefusal('INVALID_INPUT', 'notBlocking', { blocker: blocker.key, blocked: blocked.key });

  const side = sideOf(request.change);
  const sideKey = side === 'blocked' ? blocked.key : blocker.key;
  const { EDIT_ISSUES: mayEdit } = await jira.myPermissions(['EDIT_ISSUES'], { issueKey: sideKey });
  if (mayEdit !== true) {
    const reason =
      side === 'blocked' ? 'mayNotAsk' : request.change.kind === 'decline' ? 'mayNotDecline' : 'mayNotCommit';
    throw dependenciesRefusal('FORBIDDEN', reason, { issue: sideKey }, { side, issue: sideKey });
  }

  const read = readAgreements(blocker.properties?.[AGREEMENTS_PROPERTY]);
  if (!read.ok) {
    throw dependenciesRefusal(
      'CONFLICT',
      'agreementsUnreadable',
      { issue: blocker.key, problem: read.problem, property: AGREEMENTS_PROPERTY },
      { issue: blocker.key, problem: read.problem },
    );
  }
  const applied = applyAgreement(read.agreements, blocked.id, request.change, options.now.toISOString());
  if (!applied.ok) {
    throw dependenciesRefusal('CONFLICT', 'tooManyAgreements', { issue: blocker.key, limit: MAX_AGREEMENTS });
  }
  // Read, changed and written whole: Jira's properties have no version to compare, so two people answering the
  // same blocker at the same instant may overwrite each other; the report shows what was kept.
  await jira.setIssueProperty(blocker.id, AGREEMENTS_PROPERTY, applied.property);
  const blockerDone = readIssue(blocker, PLAIN_READ, true).statusCategory === 'done';
  return {
    blocker: blocker.key,
    blocked: blocked.key,
    agreement: agreementOf(applied.agreement, blockerDone, today),
  };
}
