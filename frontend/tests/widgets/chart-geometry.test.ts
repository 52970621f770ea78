import { describe, expect, it } from 'vitest';
import type { ChartNode } from '../../src/protocol';
import { layoutChart, linePath, niceTicks } from '../../src/widgets/chart/geometry';

const frame = { width: 420, height: 220, top: 10, right: 10, bottom: 10, left: 10 };

describe('chart geometry', () => {
  it('picks round ticks that cover the data', () => {
    expect(niceTicks(0, 7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0, 100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(-3, 9)).toEqual([-5, 0, 5, 10]);
  });

  it('stacks bars of the same stack and places bars of other stacks side by side', () => {
    const node: ChartNode = {
      type: 'Chart',
      xAxis: 'x',
      data: [
        { x: 'a', one: 2, two: 3, three: 1 },
        { x: 'b', one: 4, two: 1, three: 2 },
      ],
      series: [
        { type: 'bar', dataKey: 'one', stack: 's' },
        { type: 'bar', dataKey: 'two', stack: 's' },
        { type: 'bar', dataKey: 'three' },
      ],
    };
    const layout = layoutChart(node, frame, { barGap: 0, barCategoryGap: 0 });
    const a = layout.bars.filter((bar) => bar.category === 0);
    expect(a).toHaveLength(3);
    const [one, two, three] = a;
    // Stacked: the second segment sits on top of the first, in the same column.
    expect(two!.x).toBe(one!.x);
    expect(two!.y + two!.height).toBeCloseTo(one!.y);
    // Unstacked: its own column beside the stack.
    expect(three!.x).toBeGreaterThan(one!.x);
    expect(layout.ticks.at(-1)).toBeGreaterThanOrEqual(5);
  });

  it('draws lines through every category and closes areas down to their base', () => {
    const node: ChartNode = {
      type: 'Chart',
      xAxis: { dataKey: 'x' },
      data: [
        { x: 'a', v: 1 },
        { x: 'b', v: 3 },
        { x: 'c', v: 2 },
      ],
      series: [
        { type: 'line', dataKey: 'v' },
        { type: 'area', dataKey: 'v' },
      ],
    };
    const layout = layoutChart(node, frame);
    const [line, area] = layout.shapes;
    expect(line?.kind).toBe('line');
    expect(line?.points).toHaveLength(3);
    expect(area?.path.endsWith('Z')).toBe(true);
  });

  it('supports step and smooth curves', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 10, y: 10 },
    ];
    expect(linePath(points, 'linear')).toBe('M0,0L10,10');
    expect(linePath(points, 'stepAfter')).toBe('M0,0L10,0L10,10L10,10');
    expect(linePath(points, 'monotone')).toMatch(/^M0,0C/);
  });

  it('treats missing or non-numeric values as zero', () => {
    const node: ChartNode = {
      type: 'Chart',
      xAxis: 'x',
      data: [{ x: 'a', v: 'n/a' }, { x: 'b' }],
      series: [{ type: 'bar', dataKey: 'v' }],
    };
    expect(layoutChart(node, frame).bars.map((bar) => bar.value)).toEqual([0, 0]);
  });
});
