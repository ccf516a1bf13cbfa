import { z } from 'zod';
import type { Result } from './result';

/**
 * The Definition of Ready gate: per project, a workflow validator (`jira:workflowValidator`) refuses a transition
 * into chosen statuses while chosen rules fail on the issue. Off until a project administrator turns it on.
 */

const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,49}$/, 'a project key such as PAY');

/**
 * The rules a gate may hold: the readiness rules, which judge an issue from its own fields. Rules that read other
 * issues (epic children, blockers) or the passing of time are left out: a gate runs as the app, and its refusal
 * must say nothing the person moving the issue could not read on the issue itself.
 */
export const GATE_RULE_IDS = [
  'description-missing',
  'description-too-short',
  'acceptance-criteria-missing',
  'acceptance-criteria-vague',
  'bug-missing-repro',
  'estimate-missing',
  'assignee-missing',
  'parent-missing',
  'summary-placeholder',
] as const;

export type GateRuleId = (typeof GATE_RULE_IDS)[number];

/** Jira status ids are numbers written as strings. */
const statusId = z.string().regex(/^[0-9]{1,18}$/, 'a status id such as 10001');

/** A project's gate as stored and as saved; checked again against the project's statuses on save. */
export const gateConfigSchema = z
  .object({
    enabled: z.boolean(),
    statuses: z.array(statusId).max(50),
    rules: z.array(z.enum(GATE_RULE_IDS)).max(GATE_RULE_IDS.length),
  })
  .strict();

export type GateConfig = z.output<typeof gateConfigSchema>;

export const DEFAULT_GATE: GateConfig = { enabled: false, statuses: [], rules: [] };

export const gatePayloads = {
  'hygiene.gate': z.object({ projectKey }).strict(),
  'hygiene.saveGate': z.object({ projectKey, gate: z.unknown() }).strict(),
} as const;

type Input<K extends keyof typeof gatePayloads> = z.input<(typeof gatePayloads)[K]>;

/** A status of the project's workflows, as the settings page offers it. */
export interface GateStatus {
  readonly id: string;
  readonly name: string;
  readonly category: 'new' | 'indeterminate' | 'done';
}

export interface GateRuleChoice {
  readonly id: GateRuleId;
  readonly title: string;
}

export interface GateView {
  readonly projectKey: string;
  readonly gate: GateConfig;
  /** The statuses of the project's workflows; a stored status no longer among them is still listed in `gate`. */
  readonly statuses: readonly GateStatus[];
  readonly rules: readonly GateRuleChoice[];
  readonly canEdit: boolean;
}

/** One problem with a gate being saved, for the form to show beside its field (`details.problems`). */
export interface GateProblem {
  readonly field: 'statuses' | 'rules' | 'gate';
  readonly message: string;
}

export type GateDefs = {
  'hygiene.gate': (payload: Input<'hygiene.gate'>) => Result<GateView>;
  'hygiene.saveGate': (payload: Input<'hygiene.saveGate'>) => Result<GateView>;
};

/**
 * What Jira passes a `jira:workflowValidator` function (Forge's manifest reference): the issue and the statuses
 * the transition leaves and enters. Extra properties Jira may add are kept out of the app's way.
 */
export const transitionEventSchema = z.object({
  issue: z.object({ key: z.string().min(1) }).loose(),
  transition: z
    .object({
      from: z.object({ id: z.union([z.string(), z.number()]).transform(String) }).loose(),
      to: z.object({ id: z.union([z.string(), z.number()]).transform(String) }).loose(),
    })
    .loose(),
});

export type TransitionEvent = z.output<typeof transitionEventSchema>;

/** What the function answers Jira: `errorMessage` is shown to the person when `result` is false. */
export interface ValidatorVerdict {
  readonly result: boolean;
  readonly errorMessage?: string;
}
