/**
 * The part of the Forge invocation context the resolvers read. Forge fills it from the module the user is on
 * (`extension`), the playground host page fills it the same way.
 */
export interface InvocationContext {
  /** Absent for scheduled triggers and queue consumers, which run as the app. */
  readonly accountId?: string | undefined;
  readonly moduleKey?: string | undefined;
  /** BCP 47, e.g. `en-US`, `fr-FR`: picks the message catalogue. */
  readonly locale?: string | undefined;
  readonly extension: {
    readonly issue?: { readonly key: string; readonly id: string; readonly type?: string } | undefined;
    readonly project?: { readonly key: string; readonly id: string } | undefined;
    readonly space?: { readonly key: string; readonly id?: string } | undefined;
  };
}
