import { JiraClient } from '../../atlassian/jira';
import type { IssueResult } from '../../hygiene/evaluate';
import type { Acknowledgement } from '../../hygiene/types';
import type { IssueFindings, PanelFinding } from '../../contract/hygiene';
import type { Platform, Principal } from '../ports';
import { childrenOfOne } from './epic-children';
import { propertyOf } from './property';
import { evaluateFetched } from './scan';
import { fieldsToRead, loadSettings } from './scan-settings';
import { loadAcknowledgements, removeAcknowledgement, saveAcknowledgement } from './store';
import { hygieneRefusal } from '../refusals';

/**
 * The findings of one issue, for the panel and the badge: one Jira request (the issue with the fields the rules
 * need; an epic one more, whether it has children), the configuration and field map coming from the store. As the user, so Jira's permissions
 * hold (a hidden issue answers 404).
 */
export async function issueFindings(
  platform: Platform,
  principal: Principal,
  issueKey: string,
): Promise<IssueFindings> {
  const jira = new JiraClient(platform.jira(principal));
  const now = platform.clock.now().getTime();
  const projectKey = issueKey.split('-')[0] ?? issueKey;
  const acknowledgements = await loadAcknowledgements(platform.store, issueKey);
  const settings = await loadSettings(platform.store, jira, { projectKey, now, acknowledgements });
  const issue = await jira.getIssue(issueKey, fieldsToRead(settings.rules, settings.fieldMap));
  // An epic (as epic-empty is configured) costs one more request: its children are no field of it.
  const [result] = evaluateFetched([issue], settings, await childrenOfOne(jira, issue, settings));
  if (result === undefined) throw hygieneRefusal('NOT_FOUND', 'issueNotFound', { issue: issueKey });
  return toPanel(result, settings.rules, issue.key.split('-')[0] ?? projectKey);
}

function toPanel(
  result: IssueResult,
  rules: Awaited<ReturnType<typeof loadSettings>>['rules'],
  projectKey: string,
): IssueFindings {
  const byId = new Map(rules.map((r) => [r.rule.id, r]));
  const panel = (finding: IssueResult['findings'][number]): PanelFinding => {
    const setting = byId.get(finding.rule);
    return {
      rule: finding.rule,
      title: setting?.rule.title ?? finding.rule,
      severity: finding.severity,
      message: finding.message,
      messageId: finding.messageId,
      params: finding.params,
      kind: finding.kind,
      rationale: setting?.rule.rationale ?? '',
      fixHint: setting?.rule.fixHint ?? '',
      processUrl: setting?.processUrl ?? null,
      acknowledgement: finding.acknowledgement ?? null,
    };
  };
  return {
    issue: result.issue,
    projectKey,
    score: result.score,
    findings: result.findings.map(panel),
    acknowledged: result.acknowledged.map(panel),
    property: propertyOf(result),
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Longest an acknowledgement may run: findings come back for a fresh look at least twice a year. */
const MAX_ACK_DAYS = 180;

/** Records "we know, because…" on one finding until `expires`; the finding is then shown apart. */
export async function acknowledgeFinding(
  platform: Platform,
  principal: Principal,
  input: { issueKey: string; rule: string; reason: string; expires: string },
): Promise<Acknowledgement[]> {
  const now = platform.clock.now().getTime();
  // A day (the panel's date field) runs to its end: "until 1 December" includes 1 December.
  const expires = Date.parse(DAY.test(input.expires) ? `${input.expires}T23:59:59.999Z` : input.expires);
  if (Number.isNaN(expires) || expires <= now) {
    throw hygieneRefusal('INVALID_INPUT', 'expiryPassed');
  }
  if (expires - now > MAX_ACK_DAYS * 86_400_000) {
    throw hygieneRefusal('INVALID_INPUT', 'expiryTooFar', { days: MAX_ACK_DAYS });
  }
  const ack: Acknowledgement = {
    issue: input.issueKey,
    rule: input.rule,
    reason: input.reason.trim(),
    expires: new Date(expires).toISOString(),
    by: principal.kind === 'user' ? principal.accountId : 'app',
    at: new Date(now).toISOString(),
  };
  return saveAcknowledgement(platform.store, ack, now);
}

export async function withdrawAcknowledgement(
  platform: Platform,
  issueKey: string,
  rule: string,
): Promise<void> {
  await removeAcknowledgement(platform.store, issueKey, rule);
}
