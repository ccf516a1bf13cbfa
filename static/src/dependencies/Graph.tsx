import { Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useEffect, useMemo, useState } from 'react';
import type { DependencyReport } from '@contract/dependency-report';
import { useT } from '../shell/i18n';
import { layoutDependencies, NODE_HEIGHT, NODE_WIDTH } from './graph-layout';
import { useTeamName } from './parts';

/**
 * The width of an element, followed as the frame resizes; `fallback` before it is measured. Pass the setter as
 * the element's `ref`.
 */
function useWidth(fallback: number): [(element: HTMLDivElement | null) => void, number] {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    if (!element) return;
    const measure = (): void => {
      // Only real changes: a layout per pixel of a resize would be wasted work.
      const next = Math.floor(element.clientWidth);
      if (next > 0) setWidth((current) => (Math.abs(current - next) >= 40 ? next : current));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [element]);
  return [setElement, width];
}

/**
 * The dependency graph in SVG: loops and links in conflict in red, links in conflict or at risk dashed, issues
 * the user may not see unnamed.
 */
export function DependencyGraph({ report }: { report: DependencyReport }) {
  const t = useT();
  const teamName = useTeamName();
  const [frame, width] = useWidth(1100);
  // Groups are packed to the width of the frame, so the graph scrolls down, never sideways.
  const drawing = useMemo(() => layoutDependencies(report, { maxWidth: width }), [report, width]);
  if (drawing.open === 0) return <Text>{t('dependencies.graph.empty')}</Text>;
  const danger = token('color.border.danger');
  return (
    <Stack space="space.100">
      <Text size="small" color="color.text.subtle">
        {t('dependencies.graph.caption')}
      </Text>
      {drawing.drawn < drawing.open ? (
        <Text size="small">
          {t('dependencies.graph.cut', { shown: String(drawing.drawn), total: String(drawing.open) })}
        </Text>
      ) : null}
      <div
        ref={frame}
        style={{ overflow: 'auto', maxHeight: 720, border: `1px solid ${token('color.border')}` }}
      >
        <svg
          data-testid="dependencies-graph"
          width={drawing.width}
          height={drawing.height}
          role="img"
          aria-label={t('dependencies.graph.caption')}
        >
          <defs>
            <marker
              id="dep-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="6"
              markerHeight="6"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill={token('color.icon.subtle')} />
            </marker>
            <marker
              id="dep-arrow-danger"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="6"
              markerHeight="6"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill={danger} />
            </marker>
          </defs>
          {drawing.edges.map((edge) => (
            <polyline
              key={edge.id}
              data-cycle={edge.inCycle ? 'true' : undefined}
              points={edge.points.map((p) => `${p.x},${p.y}`).join(' ')}
              fill="none"
              data-conflict={edge.conflict ? 'true' : undefined}
              stroke={edge.inCycle || edge.conflict ? danger : token('color.border.bold')}
              strokeWidth={edge.inCycle ? 2.5 : 1.5}
              strokeDasharray={edge.atRisk ? '5 4' : undefined}
              markerEnd={edge.inCycle || edge.conflict ? 'url(#dep-arrow-danger)' : 'url(#dep-arrow)'}
            />
          ))}
          {drawing.nodes.map((node) => (
            <g
              key={node.id}
              transform={`translate(${node.x - NODE_WIDTH / 2}, ${node.y - NODE_HEIGHT / 2})`}
              data-cycle={node.inCycle ? 'true' : undefined}
            >
              <rect
                width={NODE_WIDTH}
                height={NODE_HEIGHT}
                rx={4}
                fill={
                  node.inCycle
                    ? token('color.background.danger')
                    : node.hidden
                      ? token('color.background.neutral')
                      : token('elevation.surface.raised')
                }
                stroke={node.inCycle ? danger : token('color.border')}
                strokeWidth={node.inCycle ? 2 : 1}
              />
              <text
                x={NODE_WIDTH / 2}
                // A hidden issue has no team line: its one line sits in the middle of the box.
                y={node.hidden ? 24 : 17}
                textAnchor="middle"
                fontSize={12}
                fontWeight={600}
                fill={token('color.text')}
              >
                {node.hidden ? t('dependencies.graph.hidden') : node.label}
              </text>
              <text
                x={NODE_WIDTH / 2}
                y={32}
                textAnchor="middle"
                fontSize={10}
                fill={token('color.text.subtle')}
              >
                {teamName(node.team)}
              </text>
            </g>
          ))}
        </svg>
      </div>
    </Stack>
  );
}
