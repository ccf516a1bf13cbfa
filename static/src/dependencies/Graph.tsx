import { Graph, layout } from '@dagrejs/dagre';
import { Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useMemo } from 'react';
import type { DependencyReport } from '../../../src/dependencies/model';
import { useT } from '../shell/i18n';

/** Past this many issues a graph stops being readable; the most urgent dependencies are drawn first. */
const MAX_NODES = 300;
const NODE_WIDTH = 120;
const NODE_HEIGHT = 40;

interface Drawn {
  readonly nodes: {
    id: string;
    label: string;
    team: string;
    x: number;
    y: number;
    inCycle: boolean;
    hidden: boolean;
  }[];
  readonly edges: { id: string; points: { x: number; y: number }[]; atRisk: boolean; inCycle: boolean }[];
  readonly width: number;
  readonly height: number;
  readonly drawn: number;
  readonly open: number;
}

/** Lays out the open dependencies with dagre (left to right, blockers first). */
function draw(report: DependencyReport): Drawn {
  const open = report.dependencies.filter((d) => d.risk !== 'resolved');
  const inCycle = new Set(report.cycles.flat());
  const graph = new Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 16, ranksep: 48, marginx: 8, marginy: 8 });
  graph.setDefaultEdgeLabel(() => ({}));
  const nodes = new Map<string, { label: string; team: string; hidden: boolean }>();
  const edges: { id: string; from: string; to: string; atRisk: boolean }[] = [];
  let drawn = 0;
  for (const d of open) {
    const from = d.blocker?.key ?? `hidden:${d.id}`;
    const to = d.blocked?.key ?? `hidden:${d.id}:blocked`;
    const adds = (nodes.has(from) ? 0 : 1) + (nodes.has(to) ? 0 : 1);
    if (nodes.size + adds > MAX_NODES) continue;
    nodes.set(from, { label: d.blocker?.key ?? '?', team: d.blockerTeam ?? '', hidden: d.blocker === null });
    nodes.set(to, { label: d.blocked?.key ?? '?', team: d.blockedTeam ?? '', hidden: d.blocked === null });
    edges.push({ id: d.id, from, to, atRisk: d.risk === 'at-risk' });
    drawn++;
  }
  for (const id of nodes.keys()) graph.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of edges) graph.setEdge(edge.from, edge.to);
  layout(graph);
  const size = graph.graph() as { width?: number; height?: number };
  return {
    nodes: [...nodes].map(([id, node]) => {
      const at = graph.node(id) as { x: number; y: number };
      return { id, ...node, x: at.x, y: at.y, inCycle: inCycle.has(id) };
    }),
    edges: edges.map((edge) => ({
      id: edge.id,
      points: (graph.edge(edge.from, edge.to) as { points?: { x: number; y: number }[] }).points ?? [],
      atRisk: edge.atRisk,
      inCycle: inCycle.has(edge.from) && inCycle.has(edge.to),
    })),
    width: size.width ?? 0,
    height: size.height ?? 0,
    drawn,
    open: open.length,
  };
}

/** The dependency graph in SVG: loops in red, at-risk links dashed, hidden blockers as "?". */
export function DependencyGraph({ report }: { report: DependencyReport }) {
  const t = useT();
  const drawing = useMemo(() => draw(report), [report]);
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
      <div style={{ overflow: 'auto', maxHeight: 640, border: `1px solid ${token('color.border')}` }}>
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
              stroke={edge.inCycle ? danger : token('color.border.bold')}
              strokeWidth={edge.inCycle ? 2.5 : 1.5}
              strokeDasharray={edge.atRisk ? '5 4' : undefined}
              markerEnd={edge.inCycle ? 'url(#dep-arrow-danger)' : 'url(#dep-arrow)'}
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
                y={17}
                textAnchor="middle"
                fontSize={12}
                fontWeight={600}
                fill={token('color.text')}
              >
                {node.label}
              </text>
              <text
                x={NODE_WIDTH / 2}
                y={32}
                textAnchor="middle"
                fontSize={10}
                fill={token('color.text.subtle')}
              >
                {node.team}
              </text>
            </g>
          ))}
        </svg>
      </div>
    </Stack>
  );
}
