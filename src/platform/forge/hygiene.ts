import { InvocationError, InvocationErrorCode, type AsyncEvent } from '@forge/events';
import { z } from 'zod';
import { queueConsumer } from '../../services/consumer';
import { noteIssueChanged } from '../../services/hygiene/fresh-score';
import { isBusy } from '../../services/ports';
import { hygieneBadge as badge, hygieneNightlyFanOut as nightly } from '../../services/hygiene/handlers';
import { forgePlatform } from './index';

/** Forge's second argument to every function: who triggered it (absent for triggers and consumers). */
const functionContextSchema = z.object({ principal: z.object({ accountId: z.string() }).optional() }).loose();

// The issue context's dynamic-properties payload carries the module context (extension.issue…), either at the
// top level or under `context`; read both so that the badge finds its issue.
const badgePayloadSchema = z
  .object({
    extension: z.unknown().optional(),
    locale: z.string().optional(),
    context: z
      .object({
        extension: z.unknown().optional(),
        accountId: z.string().optional(),
        locale: z.string().optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

/** `hygiene-badge`: the issue context's dynamic properties (its badge), read as the user looking at the issue. */
export async function hygieneBadge(payload: unknown, context: unknown): ReturnType<typeof badge> {
  const parsed = badgePayloadSchema.safeParse(payload ?? {});
  const principal = functionContextSchema.safeParse(context ?? {});
  const event = parsed.success ? parsed.data : {};
  const accountId =
    (principal.success ? principal.data.principal?.accountId : undefined) ?? event.context?.accountId;
  // The viewer's locale, when Forge gives it, words the badge in their language.
  const locale = event.context?.locale ?? event.locale;
  return badge(forgePlatform, {
    context: {
      ...(accountId !== undefined ? { accountId } : {}),
      ...(locale !== undefined ? { locale } : {}),
      extension: event.context?.extension ?? event.extension,
    },
  });
}

/**
 * `hygiene-nightly`: the scheduled trigger; runs as the app, queues one event per project (the `hygiene-scan`
 * consumer runs each) and logs what it queued (Forge keeps the logs).
 */
export async function hygieneNightly(): Promise<void> {
  const projects = await nightly(forgePlatform);
  console.log('Hygiene nightly queued', JSON.stringify(projects));
}

/**
 * `hygiene-scan`: the app's queue consumer (manifest.yml's `consumer` names this function). Forge invokes it with
 * one `AsyncEvent` per event: a step of a job or one project's nightly run, told apart by `body.kind`;
 * `retryContext` is there from the first retry on.
 */
export async function hygieneScanConsumer(event: AsyncEvent): Promise<void> {
  await queueConsumer(forgePlatform, {
    body: event.body,
    jobId: event.jobId,
    eventId: event.eventId,
    retryCount: event.retryContext?.retryCount ?? 0,
  });
}

/** A minute: Forge's storage and queue budgets are counted a minute at a time. */
const BUSY_RETRY_SECONDS = 60;

/**
 * `hygiene-issue-changed`: the trigger of `avi:jira:created:issue` and `avi:jira:updated:issue` (manifest.yml,
 * with `ignoreSelf`, so the app's own property writes do not call it back). It only notes the issue; the queue
 * consumer writes the score. Past the minute's storage or queue budget (a bulk edit) it asks Forge to deliver the
 * event again a minute later, by returning an `InvocationError`, rather than losing the edit.
 */
export async function hygieneIssueChanged(event: unknown): Promise<InvocationError | undefined> {
  try {
    await noteIssueChanged(forgePlatform, event);
    return undefined;
  } catch (error) {
    if (!isBusy(error)) throw error;
    return new InvocationError({
      retryAfter: BUSY_RETRY_SECONDS,
      retryReason: InvocationErrorCode.FUNCTION_PLATFORM_RATE_LIMITED,
    });
  }
}
