import { useCallback, useEffect, useState } from 'react';
import type { ProjectReport, ScanFailed, ScanRunning } from '@contract/hygiene';
import { downloadCsvText } from '../shell/download';
import { useFailureFlag } from '../shell/flags';
import { callResolver } from '../shell/invoke';
import { usePolledJob } from '../shell/use-polled-job';

type Answer = ProjectReport | ScanRunning | ScanFailed;

/**
 * The project report's state: on opening, the user's latest scan of the project (so a scan survives leaving the
 * page) or else a fresh report of the default scope; `run` starts another; a running scan is polled every few
 * seconds (`usePolledJob`) until it is done or failed; `exportCsv` downloads the shown report's CSV, piece by
 * piece for a scan.
 */
export function useProjectScan(projectKey: string, jql: string) {
  const showFailure = useFailureFlag();
  const [current, setCurrent] = useState<Answer | undefined>(undefined);
  const [lastDone, setLastDone] = useState<ProjectReport | undefined>(undefined);
  const [busy, setBusy] = useState(true);
  const running = current?.status === 'running' ? current : undefined;
  const failed = current?.status === 'failed' ? current : undefined;
  // While a new scan runs (or after it failed), the last finished report stays on screen.
  const report = current?.status === 'done' ? current : lastDone;

  const settle = useCallback((answer: Answer) => {
    setCurrent(answer);
    if (answer.status === 'done') setLastDone(answer);
  }, []);

  const start = useCallback(
    (scope: string) => {
      setBusy(true);
      callResolver('hygiene.projectReport', scope.trim() === '' ? { projectKey } : { projectKey, jql: scope })
        .then(settle, showFailure)
        .finally(() => {
          setBusy(false);
        });
    },
    [projectKey, settle, showFailure],
  );

  useEffect(() => {
    let cancelled = false;
    callResolver('hygiene.latestScan', { projectKey })
      .then((latest) => {
        if (cancelled) return;
        if (latest === null || latest.status === 'failed') {
          start('');
          return;
        }
        settle(latest);
        setBusy(false);
      })
      .catch((error: unknown) => {
        setBusy(false);
        showFailure(error);
      });
    return () => {
      cancelled = true;
    };
  }, [projectKey, settle, showFailure, start]);

  const poll = useCallback(
    (scan: ScanRunning) => callResolver('hygiene.scanProgress', { scanId: scan.scanId }),
    [],
  );
  const pollFailed = useCallback(
    (error: unknown) => {
      setCurrent(lastDone);
      showFailure(error);
    },
    [lastDone, showFailure],
  );
  usePolledJob(running, poll, settle, pollFailed);

  const exportCsv = useCallback(async () => {
    // A queued scan's CSV comes from what it stored, a piece at a time; a smaller scope is read again.
    const scope =
      report?.scanId !== undefined
        ? { projectKey, scanId: report.scanId }
        : jql.trim() === ''
          ? { projectKey }
          : { projectKey, jql };
    let answer = await callResolver('hygiene.exportCsv', scope);
    let csv = answer.csv;
    while (answer.nextPiece !== undefined) {
      answer = await callResolver('hygiene.exportCsv', { ...scope, piece: answer.nextPiece });
      csv += answer.csv;
    }
    downloadCsvText(answer.filename, csv);
  }, [jql, projectKey, report]);

  return {
    report,
    running,
    failed,
    busy,
    run: () => {
      start(jql);
    },
    exportCsv: () => {
      exportCsv().catch(showFailure);
    },
  };
}
