import { z } from 'zod';
import { hygieneBadge } from '../../src/services/hygiene/handlers';
import type { Platform } from '../../src/services/ports';

/**
 * What Jira shows on a collapsed issue context (`jira:issueContext`) before anyone opens it: the label and an
 * optional badge, answered by the module's `dynamicProperties` function; the framed app loads on expanding.
 */
export interface Glance {
  readonly label: string;
  /** Jira's status slot: a badge with a count. */
  readonly badge?: string | undefined;
}

type DynamicProperties = (platform: Platform, event: unknown) => Promise<unknown>;

/** manifest.yml's `dynamicProperties.function` of each issue-context module, bound to its service body. */
const DYNAMIC_PROPERTIES: Readonly<Record<string, DynamicProperties>> = {
  'hygiene-issue-context': hygieneBadge,
};

const propertiesSchema = z.object({
  label: z.string().optional(),
  status: z.object({ type: z.literal('badge'), value: z.object({ label: z.string() }) }).optional(),
});

/**
 * The collapsed glance of an issue-context module, as the frame's user: its dynamic properties, or the
 * manifest's label when the module has none or the function fails (Jira falls back the same way).
 */
export async function glanceFor(
  platform: Platform,
  moduleKey: string,
  context: Record<string, unknown>,
  manifestLabel: string,
): Promise<Glance> {
  const properties = DYNAMIC_PROPERTIES[moduleKey];
  if (properties === undefined) return { label: manifestLabel };
  try {
    // Forge passes the module's context (accountId, extension.issue) to the function.
    const answer = propertiesSchema.safeParse(await properties(platform, { context }));
    if (!answer.success) return { label: manifestLabel };
    return { label: answer.data.label ?? manifestLabel, badge: answer.data.status?.value.label };
  } catch {
    return { label: manifestLabel };
  }
}
