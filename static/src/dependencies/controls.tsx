import Button from '@atlaskit/button/new';
import { Box, Inline } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import { useT } from '../shell/i18n';

export type Scope = { kind: 'quarter'; year: number; quarter: number } | { kind: 'jql'; jql: string };

export interface ScopeChoice {
  readonly scope: Scope;
  readonly teamBy: string;
}

type Dimension = 'project' | 'component' | 'team' | 'label';

/** The current calendar quarter. */
export function currentQuarter(now = new Date()): { year: number; quarter: number } {
  return { year: now.getUTCFullYear(), quarter: Math.floor(now.getUTCMonth() / 3) + 1 };
}

/** Quarter, year, optional JQL and team dimension pickers, with the button that runs the report. */
export function ScopePicker({ onRun, busy }: { onRun: (choice: ScopeChoice) => void; busy: boolean }) {
  const t = useT();
  const initial = currentQuarter();
  const [quarter, setQuarter] = useState(initial.quarter);
  const [year, setYear] = useState(initial.year);
  const [jql, setJql] = useState('');
  const [dimension, setDimension] = useState<Dimension>('project');
  const [prefix, setPrefix] = useState('team-');
  const quarters = [1, 2, 3, 4].map((q) => ({ label: `Q${q}`, value: q }));
  const years = [initial.year - 1, initial.year, initial.year + 1].map((y) => ({
    label: String(y),
    value: y,
  }));
  const dimensions = (['project', 'component', 'team', 'label'] as const).map((value) => ({
    label: t(`dependencies.teamBy.${value}`),
    value,
  }));
  const run = () => {
    const teamBy = dimension === 'label' ? `label:${prefix.trim() || 'team-'}` : dimension;
    onRun({
      scope: jql.trim() === '' ? { kind: 'quarter', year, quarter } : { kind: 'jql', jql: jql.trim() },
      teamBy,
    });
  };
  return (
    <Inline space="space.150" alignBlock="end" shouldWrap>
      <Box style={{ width: 100 }}>
        <label htmlFor="dependencies-quarter">{t('dependencies.scope.quarter')}</label>
        <Select
          inputId="dependencies-quarter"
          options={quarters}
          value={quarters.find((o) => o.value === quarter)}
          onChange={(o) => {
            if (o) setQuarter(o.value);
          }}
        />
      </Box>
      <Box style={{ width: 110 }}>
        <label htmlFor="dependencies-year">{t('dependencies.scope.year')}</label>
        <Select
          inputId="dependencies-year"
          options={years}
          value={years.find((o) => o.value === year)}
          onChange={(o) => {
            if (o) setYear(o.value);
          }}
        />
      </Box>
      <Box style={{ width: 320 }}>
        <label htmlFor="dependencies-jql">{t('dependencies.scope.jql')}</label>
        <Textfield
          id="dependencies-jql"
          testId="dependencies-jql"
          placeholder={t('dependencies.scope.jqlHelp')}
          value={jql}
          onChange={(e) => {
            setJql(e.currentTarget.value);
          }}
        />
      </Box>
      <Box style={{ width: 170 }}>
        <label htmlFor="dependencies-team-by">{t('dependencies.scope.teamBy')}</label>
        <Select
          inputId="dependencies-team-by"
          options={dimensions}
          value={dimensions.find((o) => o.value === dimension)}
          onChange={(o) => {
            if (o) setDimension(o.value);
          }}
        />
      </Box>
      {dimension === 'label' ? (
        <Box style={{ width: 140 }}>
          <label htmlFor="dependencies-prefix">{t('dependencies.scope.labelPrefix')}</label>
          <Textfield
            id="dependencies-prefix"
            value={prefix}
            onChange={(e) => {
              setPrefix(e.currentTarget.value);
            }}
          />
        </Box>
      ) : null}
      <Button appearance="primary" onClick={run} isLoading={busy} testId="dependencies-run">
        {t('dependencies.run')}
      </Button>
    </Inline>
  );
}
