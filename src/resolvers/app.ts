import { appPayloads, type AppDefs } from '../contract/app';
import type { Platform } from '../services/ports';
import { defineResolver } from './define';
import type { ResolverMap } from './types';

/** Resolvers every surface shares: who is looking, in which language. */
export function appResolvers(_platform: Platform): ResolverMap<AppDefs> {
  return {
    'app.whoami': defineResolver(appPayloads['app.whoami'], (_payload, context) =>
      Promise.resolve({
        accountId: context.accountId ?? null,
        displayName: null,
        locale: context.locale ?? 'en-US',
      }),
    ),
  };
}
