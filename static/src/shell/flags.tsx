import { useFlags } from '@atlaskit/flag';
import { useCallback } from 'react';
import { failureFlag } from './failure-flag';
import { useT } from './i18n';

/** Returns `show(error)`, which raises the flag for a failure (needs the FlagsProvider of main.tsx). */
export function useFailureFlag(): (error: unknown) => void {
  const { showFlag } = useFlags();
  const t = useT();
  return useCallback(
    (error: unknown) => {
      showFlag(failureFlag(t, error));
    },
    [showFlag, t],
  );
}

/** Returns `show(message)` for a short success flag ("Bundle installed"), already translated by the caller. */
export function useSuccessFlag(): (title: string, description?: string) => void {
  const { showFlag } = useFlags();
  return useCallback(
    (title: string, description?: string) => {
      showFlag({
        title,
        appearance: 'success',
        isAutoDismiss: true,
        ...(description ? { description } : {}),
      });
    },
    [showFlag],
  );
}
