import { Box, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { SnapshotData } from '@contract/hygiene';
import { useT } from '../shell/i18n';

const WIDTH = 560;
const HEIGHT = 160;
const PAD = 28;

/** The project's hygiene score per nightly snapshot, as a small line chart (0–100 scale). */
export function TrendChart({ snapshots }: { snapshots: readonly SnapshotData[] }) {
  const t = useT();
  if (snapshots.length === 0) {
    return (
      <Text color="color.text.subtle" testId="hygiene-trend-empty">
        {t('hygiene.trend.empty')}
      </Text>
    );
  }
  const step = snapshots.length > 1 ? (WIDTH - 2 * PAD) / (snapshots.length - 1) : 0;
  const x = (i: number) => PAD + i * step;
  const y = (score: number) => HEIGHT - PAD - ((HEIGHT - 2 * PAD) * score) / 100;
  const points = snapshots.map((s, i) => `${String(x(i))},${String(y(s.score))}`).join(' ');
  const first = snapshots[0];
  const last = snapshots[snapshots.length - 1];
  return (
    <Box testId="hygiene-trend">
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label={t('hygiene.trend.label')}>
        {[0, 50, 100].map((score) => (
          <g key={score}>
            <line x1={PAD} x2={WIDTH - PAD} y1={y(score)} y2={y(score)} stroke={token('color.border')} />
            <text x={4} y={y(score) + 4} fontSize={10} fill={token('color.text.subtlest')}>
              {score}
            </text>
          </g>
        ))}
        <polyline points={points} fill="none" stroke={token('color.chart.brand')} strokeWidth={2} />
        {snapshots.map((s, i) => (
          <circle key={s.day} cx={x(i)} cy={y(s.score)} r={3} fill={token('color.chart.brand')}>
            <title>{`${s.day}: ${String(s.score)}`}</title>
          </circle>
        ))}
        {first !== undefined && (
          <text x={PAD} y={HEIGHT - 6} fontSize={10} fill={token('color.text.subtle')}>
            {first.day}
          </text>
        )}
        {last !== undefined && snapshots.length > 1 && (
          <text
            x={WIDTH - PAD}
            y={HEIGHT - 6}
            fontSize={10}
            textAnchor="end"
            fill={token('color.text.subtle')}
          >
            {last.day}
          </text>
        )}
      </svg>
    </Box>
  );
}
