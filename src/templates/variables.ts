import { escapeAttribute, escapeText, type RenderedValue } from './storage';
import type { BundleVariable } from './model';

/** A variable whose value was refused, with a message a user can act on. */
export interface VariableProblem {
  readonly variable: string;
  readonly message: string;
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

/** Checks one value against its type; returns the value to render or a problem. */
function resolveOne(variable: BundleVariable, raw: string): RenderedValue | string {
  const limit = variable.maxLength ?? 2000;
  if (raw.length > limit) return `is longer than ${limit} characters`;
  switch (variable.type) {
    case 'text':
      return { plain: raw, markup: escapeText(raw) };
    case 'user':
      if (!ACCOUNT_ID.test(raw)) return 'must be an Atlassian account id (letters, digits, colons, dashes)';
      // A user mention: Confluence shows the person's current name, so the page never goes stale.
      return { plain: raw, markup: `<ac:link><ri:user ri:account-id="${escapeAttribute(raw)}" /></ac:link>` };
    case 'date':
      if (!isRealDate(raw)) return 'must be a date written YYYY-MM-DD';
      return { plain: raw, markup: `<time datetime="${raw}" />` };
    case 'teamList': {
      const teams = raw
        .split(',')
        .map((team) => team.trim())
        .filter((team) => team.length > 0);
      if (teams.length === 0) return 'must name at least one team, separated by commas';
      if (teams.length > 50) return 'may name at most 50 teams';
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
  const values: Record<string, RenderedValue> = {};
  const names = new Set(declared.map((variable) => variable.name));
  for (const name of Object.keys(given)) {
    if (!names.has(name))
      problems.push({
        variable: name,
        message: `is not a variable of this bundle (expected one of: ${[...names].join(', ') || 'none'})`,
      });
  }
  for (const variable of declared) {
    const raw = (given[variable.name] ?? variable.default ?? '').trim();
    if (raw === '') {
      if (variable.required) problems.push({ variable: variable.name, message: 'is required' });
      else values[variable.name] = { plain: '', markup: '' };
      continue;
    }
    const resolved = resolveOne(variable, raw);
    if (typeof resolved === 'string') problems.push({ variable: variable.name, message: resolved });
    else values[variable.name] = resolved;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}
