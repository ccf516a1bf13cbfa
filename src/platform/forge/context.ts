import { z } from 'zod';
import type { InvocationContext } from '../../contract/context';

const idOf = z.union([z.string(), z.number()]).transform(String);

// Forge's resolver context is untyped (`{ [key: string]: any }`): read the parts the app uses, leniently,
// since each module type fills `extension` differently (issue panel: issue + project; space settings: space).
const forgeContextSchema = z.object({
  accountId: z.string().optional(),
  moduleKey: z.string().optional(),
  locale: z.string().optional(),
  extension: z
    .object({
      issue: z
        .object({ key: z.string(), id: idOf, type: z.string().optional(), typeId: z.unknown().optional() })
        .optional()
        .catch(undefined),
      project: z.object({ key: z.string(), id: idOf }).optional().catch(undefined),
      space: z.object({ key: z.string(), id: idOf.optional() }).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
});

/**
 * Maps Forge's resolver context (`accountId`, `moduleKey`, `extension`, `locale`) onto the app's
 * `InvocationContext`. Forge writes locales with an underscore (`fr_FR`); the app uses BCP 47 (`fr-FR`).
 */
export function toInvocationContext(forgeContext: unknown): InvocationContext {
  const parsed = forgeContextSchema.safeParse(forgeContext ?? {});
  const context = parsed.success ? parsed.data : { extension: undefined };
  const extension = context.extension ?? {};
  return {
    accountId: 'accountId' in context ? context.accountId : undefined,
    moduleKey: 'moduleKey' in context ? context.moduleKey : undefined,
    locale: 'locale' in context && context.locale ? context.locale.replace('_', '-') : undefined,
    extension: {
      issue: extension.issue
        ? { key: extension.issue.key, id: extension.issue.id, type: extension.issue.type }
        : undefined,
      project: extension.project ? { key: extension.project.key, id: extension.project.id } : undefined,
      space: extension.space ? { key: extension.space.key, id: extension.space.id } : undefined,
    },
  };
}
