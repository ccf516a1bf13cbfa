import { AtlassianError } from '../../atlassian/errors';
import { bodyHash } from '../../templates/storage';
import type { InstallRecord } from './records';
import type { TemplatesContext } from './space';

/** Whether a stored record already says what this run would write (its time stamp aside). */
export function sameRecord(stored: InstallRecord | undefined, next: InstallRecord): boolean {
  if (!stored) return false;
  const { installedAt: _at, installedBy: _by, ...rest } = stored;
  const { installedAt: _nextAt, installedBy: _nextBy, ...wanted } = next;
  return JSON.stringify(sortedKeys(rest)) === JSON.stringify(sortedKeys(wanted));
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => [key, sortedKeys(entry)]),
  );
}

/**
 * Creates a page template. A create is not idempotent: after a 5xx the first attempt may have landed, so the
 * space's templates are read before trying again, and one of that name with our body is taken as ours.
 */
export async function createTemplateOnce(
  context: TemplatesContext,
  input: Parameters<TemplatesContext['confluence']['createTemplate']>[0],
  attempts = 4,
): Promise<{ id: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await context.confluence.createTemplate(input);
    } catch (error) {
      if (!(error instanceof AtlassianError) || attempt >= attempts) throw error;
      if (!error.isServerError && error.status !== 400) throw error;
      const landed = (await context.confluence.listTemplates(input.spaceKey)).find(
        (template) => template.name === input.name && bodyHash(template.body) === bodyHash(input.body),
      );
      if (landed) return landed;
      // A 400 with no such template is a real refusal.
      if (!error.isServerError) throw error;
    }
  }
}
