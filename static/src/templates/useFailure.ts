import { useCallback } from 'react';
import { useFailureFlag } from '../shell/flags';
import { useT } from '../shell/i18n';
import { localisedFailure } from './failures';

/** `show(error)`: the shell's failure flag, with a templates service's reason said in the user's language. */
export function useTemplatesFailureFlag(): (error: unknown) => void {
  const t = useT();
  const showFailure = useFailureFlag();
  return useCallback(
    (error: unknown) => {
      showFailure(localisedFailure(t, error));
    },
    [t, showFailure],
  );
}
