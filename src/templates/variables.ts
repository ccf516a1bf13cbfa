import { escapeAttribute, escapeText, type RenderedValue } from './storage';
import {
  fillPlaceholders,
  VARIABLE_PROBLEMS,
  type MessageParams,
  type VariableProblemReason,
} from '../shared/templates-errors';
import type { BundleVariable } from './model';

/** A variable whose value was refused: an English message a user can act on, and its reason for the UI. */
interface VariableProblem {
  readonly variable: string;
  readonly message: string;
  readonly reason: VariableProblemReason;
  readonly params: MessageParams;
}

interface Refusal {
  readonly reason: VariableProblemReason;
  readonly params: MessageParams;
}

const refuse = (reason: VariableProblemReason, params: MessageParams = {}): Refusal => ({ reason, params });

function problem(variable: string, refusal: Refusal): VariableProblem {
  return {
    variable,
    message: fillPlaceholders(VARIABLE_PROBLEMS[refusal.reason], refusal.params),
    ...refusal,
  };
}

export type ResolvedVariables =
  | { readonly ok: true; readonly values: Readonly<Record<string, RenderedValue>> }
  | { readonly ok: false; readonly problems: readonly VariableProblem[] };

const ACCOUNT_ID = /^[A-Za-z0-9:_-]{1,128}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Checks one value against its type; returns the value to render or why it is refused. */
function resolveOne(variable: BundleVariable, raw: string): RenderedValue | Refusal {
  const limit = variable.maxLength ?? 2000;
  if (raw.length > limit) return refuse('tooLong', { limit });
  switch (variable.type) {
    case 'text':
      return { plain: raw, markup: escapeText(raw) };
    case 'user':
      if (!ACCOUNT_ID.test(raw)) return refuse('notAccountId');
      // A user mention: Confluence shows the person's current name, so the page never goes stale.
      return { plain: raw, markup: `<ac:link><ri:user ri:account-id="${escapeAttribute(raw)}" /></ac:link>` };
    case 'date':
      if (!isRealDate(raw)) return refuse('notDate');
      return { plain: raw, markup: `<time datetime="${raw}" />` };
    case 'teamList': {
      const teams = raw
        .split(',')
        .map((team) => team.trim())
        .filter((team) => team.length > 0);
      if (teams.length === 0) return refuse('noTeams');
      if (teams.length > 50) return refuse('tooManyTeams', { max: 50 });
      const plain = teams.join(', ');
      return { plain, markup: escapeText(plain) };
    }
  }
}

/**
 * Validates the values a user gave against the bundle's declared variables (types, required, defaults) and
 * prepares them for rendering. Unknown names are refused too: a typo would otherwise be silently ignored.
 */
export function resolveVariables(
  declared: readonly BundleVariable[],
  given: Readonly<Record<string, string>>,
): ResolvedVariables {
  const problems: VariableProblem[] = [];
  // Variable names come from bundles anyone may import: a Map, so that `constructor` is a name like any other.
  const values = new Map<string, RenderedValue>();
  const names = new Set(declared.map((variable) => variable.name));
  for (const name of Object.keys(given)) {
    if (!names.has(name))
      problems.push(problem(name, refuse('unknownVariable', { expected: [...names].join(', ') || 'none' })));
  }
  for (const variable of declared) {
    const raw = (
      (Object.hasOwn(given, variable.name) ? given[variable.name] : undefined) ??
      variable.default ??
      ''
    ).trim();
    if (raw === '') {
      if (variable.required) problems.push(problem(variable.name, refuse('required')));
      else values.set(variable.name, { plain: '', markup: '' });
      continue;
    }
    const resolved = resolveOne(variable, raw);
    if ('reason' in resolved) problems.push(problem(variable.name, resolved));
    else values.set(variable.name, resolved);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values: Object.fromEntries(values) };
}
