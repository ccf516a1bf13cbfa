import { JiraClient } from '../../atlassian/jira';
import { projectStatuses } from '../../atlassian/statuses';
import {
  DEFAULT_GATE,
  GATE_RULE_IDS,
  gateConfigSchema,
  type GateConfig,
  type GateProblem,
  type GateView,
} from '../../contract/gate';
import { RULES_BY_ID } from '../../hygiene/rules';
import { isProjectAdmin } from '../guards';
import type { KeyValueStore, Platform, Principal } from '../ports';
import { storeKey } from '../storage-keys';
import { hygieneRefusal } from '../refusals';

/** Where a project's gate is kept, beside its hygiene settings (`hygiene:config:project:KEY`). */
const gateKey = (projectKey: string): string => storeKey('hygiene:gate', projectKey);

/** The project's gate; off when none was saved, or when what is stored no longer reads as a gate (logged). */
export async function loadGate(store: KeyValueStore, projectKey: string): Promise<GateConfig> {
  const stored = await store.get<unknown>(gateKey(projectKey));
  if (stored === undefined) return DEFAULT_GATE;
  const parsed = gateConfigSchema.safeParse(stored);
  if (!parsed.success) console.warn(`Stored gate of ${projectKey} is invalid; the gate is off`);
  return parsed.success ? parsed.data : DEFAULT_GATE;
}

function ruleChoices(): GateView['rules'] {
  return GATE_RULE_IDS.map((id) => ({ id, title: RULES_BY_ID.get(id)?.title ?? id }));
}

/** The gate of a project as its settings page shows it; reading the project as the user proves they may see it. */
export async function gateView(
  platform: Platform,
  principal: Principal,
  projectKey: string,
): Promise<GateView> {
  const transport = platform.jira(principal);
  const jira = new JiraClient(transport);
  await jira.project(projectKey);
  const [statuses, canEdit, gate] = await Promise.all([
    projectStatuses(transport, projectKey),
    isProjectAdmin(jira, projectKey),
    loadGate(platform.store, projectKey),
  ]);
  return { projectKey, gate, statuses, rules: ruleChoices(), canEdit };
}

/**
 * The problems of a gate being saved, each for the form field it belongs to: a gate that is on needs at least
 * one status of the project and one rule; a status must be one of the project's.
 */
function gateProblems(raw: unknown, projectStatusIds: ReadonlySet<string>): GateProblem[] {
  const parsed = gateConfigSchema.safeParse(raw);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      const field = issue.path[0];
      return {
        field: field === 'statuses' || field === 'rules' ? field : 'gate',
        message:
          field === 'rules'
            ? `Choose rules among: ${GATE_RULE_IDS.join(', ')}.`
            : field === 'statuses'
              ? 'Choose statuses of this project.'
              : 'The gate is not in the expected form.',
      };
    });
  }
  const gate = parsed.data;
  const problems: GateProblem[] = [];
  const unknown = gate.statuses.filter((id) => !projectStatusIds.has(id));
  if (unknown.length > 0)
    problems.push({
      field: 'statuses',
      message: `Status ${unknown.join(', ')} is not in this project's workflows.`,
    });
  if (gate.enabled && gate.statuses.length === 0)
    problems.push({ field: 'statuses', message: 'Choose at least one status to guard.' });
  if (gate.enabled && gate.rules.length === 0)
    problems.push({ field: 'rules', message: 'Choose at least one rule that must pass.' });
  return problems;
}

/**
 * Saves a project's gate (its administrators only). A gate with a problem is refused whole, each problem named
 * for its field (`details.problems`), and the gate in force stays as it was.
 */
export async function saveGate(
  platform: Platform,
  principal: Principal,
  projectKey: string,
  raw: unknown,
): Promise<GateView> {
  const transport = platform.jira(principal);
  const jira = new JiraClient(transport);
  if (!(await isProjectAdmin(jira, projectKey)))
    throw hygieneRefusal('FORBIDDEN', 'notGateAdmin', { project: projectKey });
  const statuses = await projectStatuses(transport, projectKey);
  const problems = gateProblems(raw, new Set(statuses.map((status) => status.id)));
  if (problems.length > 0)
    throw hygieneRefusal(
      'INVALID_INPUT',
      'badGate',
      { problems: problems.map((p) => p.message).join(' ') },
      { problems },
    );
  const gate = gateConfigSchema.parse(raw);
  // Each id once, so the stored gate reads the same however the form sent it.
  await platform.store.set(gateKey(projectKey), {
    enabled: gate.enabled,
    statuses: [...new Set(gate.statuses)],
    rules: [...new Set(gate.rules)],
  });
  return gateView(platform, principal, projectKey);
}
