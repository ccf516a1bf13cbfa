import { createRequire } from 'node:module';
import path from 'node:path';
import type { AsyncEvent } from '@forge/events';
import type { ForgeRuntimeDouble } from './runtime-double';

/** Forge's second argument to every function (function-reference/arguments): who, and which installation. */
interface FunctionContext {
  readonly installContext: string;
  readonly principal?: { readonly accountId: string };
}

/** What Custom UI's `invoke(key, payload)` reaches the resolver function with (@forge/resolver's InvokePayload). */
interface ResolverCall {
  readonly call: { readonly functionKey: string; readonly payload?: unknown };
  readonly context: Record<string, unknown>;
}

/** The handlers manifest.yml names, as the bundle exports them. */
interface BundledApp {
  resolver(call: ResolverCall, context: FunctionContext): Promise<unknown>;
  hygieneBadge(payload: unknown, context: FunctionContext): Promise<unknown>;
  hygieneNightly(
    event: { context: { cloudId: string; moduleKey: string }; contextToken: string },
    context: FunctionContext,
  ): Promise<unknown>;
  hygieneScanConsumer(event: AsyncEvent, context: FunctionContext): Promise<unknown>;
  hygieneGate(event: unknown, context: FunctionContext): Promise<{ result: boolean; errorMessage?: string }>;
  hygieneIssueChanged(event: unknown, context: FunctionContext): Promise<unknown>;
}

const INSTALL_CONTEXT = 'ari:cloud:jira::site/0a1b2c3d-0000-4000-8000-000000000000';
const CLOUD_ID = '0a1b2c3d-0000-4000-8000-000000000000';

/** The bundle's handlers, each invoked the way Forge invokes it, as `accountId` (or as no one). */
export function forgeInvoker(outputDir: string, runtime: ForgeRuntimeDouble) {
  const app = createRequire(import.meta.url)(path.join(outputDir, 'index.cjs')) as BundledApp;
  const as = async <T>(accountId: string | undefined, run: (context: FunctionContext) => Promise<T>) => {
    runtime.actAs(accountId);
    try {
      return await run({
        installContext: INSTALL_CONTEXT,
        ...(accountId === undefined ? {} : { principal: { accountId } }),
      });
    } finally {
      runtime.actAs(undefined);
    }
  };
  let events = 0;
  return {
    /** A Custom UI `invoke(functionKey, payload)` from a module (its `extension` as Forge fills it). */
    resolver: (accountId: string, functionKey: string, payload: unknown, extension: object = {}) =>
      as(accountId, (context) =>
        app.resolver(
          {
            call: { functionKey, payload },
            context: { cloudId: CLOUD_ID, localId: 'local-1', locale: 'en_US', extension },
          },
          context,
        ),
      ),
    /** The issue context's `dynamicProperties` function, for the person viewing `issue`. */
    badge: (accountId: string, issue: { key: string; id: string }, locale = 'en_US') =>
      as(accountId, (context) =>
        app.hygieneBadge(
          {
            extension: { type: 'jira:issueContext', issue: { ...issue, type: 'Story' } },
            context: { extension: { type: 'jira:issueContext', issue }, accountId, locale },
          },
          context,
        ),
      ),
    /** The scheduled trigger, as the platform fires it: no user. */
    nightly: () =>
      as(undefined, (context) =>
        app.hygieneNightly(
          { context: { cloudId: CLOUD_ID, moduleKey: 'hygiene-nightly-snapshot' }, contextToken: 'token' },
          context,
        ),
      ),
    /** The `jira:workflowValidator` function, as Jira calls it during a transition: no user to act as. */
    validator: (event: unknown) => as(undefined, (context) => app.hygieneGate(event, context)),
    /** The `hygiene-fresh-score` trigger, as Forge fires it for a Jira issue event: no user, the event as payload. */
    issueChanged: (event: unknown) => as(undefined, (context) => app.hygieneIssueChanged(event, context)),
    /**
     * Delivers every recorded push to the consumer, one `AsyncEvent` each, as Forge's queue does, and then what
     * those pushed in turn, until the queue is empty (delays are not waited). Returns how many were delivered.
     */
    async deliverQueued(): Promise<number> {
      let delivered = 0;
      for (let push = runtime.pushes.shift(); push !== undefined; push = runtime.pushes.shift()) {
        const event: AsyncEvent = {
          queueName: push.queueName,
          jobId: push.jobId,
          eventId: `event-${String(++events)}`,
          body: push.body,
        };
        await as(undefined, (context) => app.hygieneScanConsumer(event, context));
        delivered++;
      }
      return delivered;
    },
  };
}
