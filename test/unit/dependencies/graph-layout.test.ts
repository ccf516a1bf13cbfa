import { describe, expect, it } from 'vitest';
import { analyseDependencies } from '../../../src/dependencies/analyse';
import type { BlockingLink, DependencyIssue } from '../../../src/dependencies/model';
import {
  layoutDependencies,
  MAX_NODES,
  NODE_HEIGHT,
  NODE_WIDTH,
  type Drawing,
} from '../../../static/src/dependencies/graph-layout';
import { blocks, issue, NOW } from './fixtures';

const TEAMS = ['PAY', 'CHK', 'GRW', 'MOB', 'PLT', 'DAT'];

/**
 * A quarter as planning meetings see it: a three-team loop, 70 chains of 2 to 6 issues across teams, 12 issues
 * that each block 8 others, and one blocker nobody may see: 393 issues, 310 open dependencies.
 */
function largeQuarter(): { issues: DependencyIssue[]; links: BlockingLink[] } {
  const issues: DependencyIssue[] = [];
  const links: BlockingLink[] = [];
  let number = 1;
  const next = (offset: number): string => {
    const key = `${TEAMS[(number + offset) % TEAMS.length] ?? 'PAY'}-${number}`;
    number++;
    issues.push(issue(key));
    return key;
  };
  const loop = [next(0), next(0), next(0)];
  links.push(blocks(loop[0] ?? '', loop[1] ?? ''), blocks(loop[1] ?? '', loop[2] ?? ''));
  links.push(blocks(loop[2] ?? '', loop[0] ?? ''));
  for (let chain = 0; chain < 70; chain++) {
    const keys = Array.from({ length: 2 + (chain % 5) }, () => next(chain));
    for (let i = 1; i < keys.length; i++) links.push(blocks(keys[i - 1] ?? '', keys[i] ?? ''));
  }
  for (let hub = 0; hub < 12; hub++) {
    const blocker = next(hub);
    for (let i = 0; i < 8; i++) links.push(blocks(blocker, next(i)));
  }
  const waiting = next(1);
  links.push({ linkId: 'secret', blockerId: '424242', blockedId: `id-${waiting}`, typeName: 'Blocks' });
  return { issues, links };
}

const report = analyseDependencies({ ...largeQuarter(), now: NOW });
const WIDTH = 1100;
const drawing: Drawing = layoutDependencies(report, { maxWidth: WIDTH });

describe('the dependency graph of a large quarter', () => {
  it('draws at most 300 issues, loops first, and says how much it left out', () => {
    expect(report.dependencies).toHaveLength(310);
    expect(drawing.nodes.length).toBeLessThanOrEqual(MAX_NODES);
    expect(drawing.nodes.length).toBeGreaterThan(MAX_NODES - 10);
    expect(drawing.drawn).toBeLessThan(drawing.open);
    expect(drawing.open).toBe(report.dependencies.length);
    const loop = report.cycles[0] ?? [];
    expect(loop).toHaveLength(3);
    for (const key of loop) expect(drawing.nodes.find((node) => node.id === key)?.inCycle).toBe(true);
    // The loop's three links are the red ones, and nothing else is.
    expect(drawing.edges.filter((edge) => edge.inCycle)).toHaveLength(3);
    // The loop sits in the first row, at the top of the drawing.
    const loopTop = Math.min(...drawing.nodes.filter((node) => node.inCycle).map((node) => node.y));
    expect(loopTop).toBeLessThan(NODE_HEIGHT * 2);
  });

  it('keeps every box apart and every label at full size', () => {
    const boxes = drawing.nodes.map((node) => ({
      left: node.x - NODE_WIDTH / 2,
      right: node.x + NODE_WIDTH / 2,
      top: node.y - NODE_HEIGHT / 2,
      bottom: node.y + NODE_HEIGHT / 2,
    }));
    let overlaps = 0;
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const [p, q] = [boxes[a], boxes[b]];
        if (p && q && p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom)
          overlaps++;
      }
    }
    expect(overlaps).toBe(0);
    expect(
      drawing.nodes.filter((node) => !node.hidden).every((node) => /^[A-Z]+-\d+$/.test(node.label)),
    ).toBe(true);
  });

  it('fits the width of the page, so it scrolls down and never sideways, without wasting the space', () => {
    expect(drawing.width).toBeLessThanOrEqual(WIDTH);
    expect(Math.max(...drawing.nodes.map((node) => node.x + NODE_WIDTH / 2))).toBeLessThanOrEqual(WIDTH);
    // Boxes cover a fair share of the drawing: groups are packed in rows, not stacked in one tall column with
    // empty space beside it (one dagre layout of this quarter: 976 × 6,637 px, 22% covered).
    const boxesArea = drawing.nodes.length * NODE_WIDTH * NODE_HEIGHT;
    expect(boxesArea / (drawing.width * drawing.height)).toBeGreaterThan(0.28);
  });

  it('starts each link at its blocker’s box and ends it at the blocked issue’s box', () => {
    const byId = new Map(drawing.nodes.map((node) => [node.id, node]));
    const inside = (point: { x: number; y: number } | undefined, key: string): boolean => {
      const node = byId.get(key);
      return (
        point !== undefined &&
        node !== undefined &&
        Math.abs(point.x - node.x) <= NODE_WIDTH / 2 + 1 &&
        Math.abs(point.y - node.y) <= NODE_HEIGHT / 2 + 1
      );
    };
    const byDependency = new Map(report.dependencies.map((d) => [d.id, d]));
    for (const edge of drawing.edges) {
      const dependency = byDependency.get(edge.id);
      // Visible issues are drawn under their key.
      if (dependency?.blocker) expect(edge.from).toBe(dependency.blocker.key);
      if (dependency?.blocked) expect(edge.to).toBe(dependency.blocked.key);
      expect(inside(edge.points[0], edge.from), `${edge.from} → ${edge.to} starts at ${edge.from}`).toBe(
        true,
      );
      expect(inside(edge.points.at(-1), edge.to), `${edge.from} → ${edge.to} ends at ${edge.to}`).toBe(true);
    }
  });

  it('never names an issue the user may not see', () => {
    const hiddenNodes = drawing.nodes.filter((node) => node.hidden);
    expect(hiddenNodes.length).toBeGreaterThanOrEqual(1);
    expect(hiddenNodes.every((node) => node.label === '' && !node.id.includes('424242'))).toBe(true);
  });
});
