import { z } from 'zod';
import type { Result } from './result';

export { APP_ERRORS } from '../shared/app-errors';

/** Resolvers every surface shares. */
export const appPayloads = {
  'app.whoami': z.object({}).strict(),
};

interface WhoAmI {
  readonly accountId: string | null;
  readonly displayName: string | null;
  readonly locale: string;
}

export type AppDefs = {
  'app.whoami': (payload: z.input<(typeof appPayloads)['app.whoami']>) => Result<WhoAmI>;
};
