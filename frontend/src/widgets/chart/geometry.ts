/** Pure chart layout: scales, ticks, bar rectangles and line paths in SVG units. */

import type { ChartNode, ChartSeries } from '../../protocol';

export interface Frame {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Bar {
  series: number;
  category: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

export interface Shape {
  series: number;
  kind: 'line' | 'area';
  path: string;
  points: Array<{ x: number; y: number; value: number; category: number }>;
}

export interface ChartLayout {
  categories: string[];
  ticks: number[];
  scaleY: (value: number) => number;
  bandCenter: (category: number) => number;
  bars: Bar[];
  shapes: Shape[];
}

export function xKey(node: ChartNode): string {
  return typeof node.xAxis === 'string' ? node.xAxis : node.xAxis.dataKey;
}

export function categoryLabels(node: ChartNode): string[] {
  const key = xKey(node);
  const labels = typeof node.xAxis === 'object' ? (node.xAxis.labels ?? {}) : {};
  return (node.data ?? []).map((row) => {
    const raw = String(row[key] ?? '');
    return labels[raw] ?? raw;
  });
}

export function valueAt(row: Record<string, string | number> | undefined, key: string): number {
  const value = Number(row?.[key]);
  return Number.isFinite(value) ? value : 0;
}

function stackKey(series: ChartSeries, index: number): string {
  return series.type !== 'line' && series.stack ? `${series.type}:${series.stack}` : `own:${index}`;
}

/** Rounded tick values covering [min, max] in about `count` steps. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (max === min) max = min + 1;
  const rough = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough;
  const start = Math.floor(min / step) * step;
  const end = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let tick = start; tick <= end + step / 2; tick += step) ticks.push(Number(tick.toFixed(10)));
  return ticks;
}

export function layoutChart(
  node: ChartNode,
  frame: Frame,
  options: { barGap?: number; barCategoryGap?: number } = {},
): ChartLayout {
  const data = node.data ?? [];
  const series = node.series ?? [];
  const categories = categoryLabels(node);
  const count = Math.max(categories.length, 1);

  // Running totals per stack and category give each stacked segment its base.
  const bases = new Map<string, number[]>();
  const extents: number[] = [0];
  const stacked = series.map((entry, index) => {
    const key = stackKey(entry, index);
    const base = bases.get(key) ?? new Array<number>(count).fill(0);
    const lows = data.map((_, category) => base[category] ?? 0);
    const highs = data.map((row, category) => (base[category] ?? 0) + valueAt(row, entry.dataKey));
    bases.set(key, highs);
    extents.push(...highs, ...lows);
    return { lows, highs, key };
  });

  const ticks = niceTicks(Math.min(...extents), Math.max(...extents));
  const low = ticks[0] ?? 0;
  const high = ticks[ticks.length - 1] ?? 1;
  const plotHeight = frame.height - frame.top - frame.bottom;
  const plotWidth = frame.width - frame.left - frame.right;
  const scaleY = (value: number) =>
    frame.top + plotHeight - ((value - low) / (high - low || 1)) * plotHeight;
  const band = plotWidth / count;
  const bandCenter = (category: number) => frame.left + band * (category + 0.5);

  const barGroups = [
    ...new Set(series.flatMap((s, i) => (s.type === 'bar' ? [stackKey(s, i)] : []))),
  ];
  const categoryGap = Math.min(options.barCategoryGap ?? band * 0.2, band * 0.8);
  const groupWidth = barGroups.length ? (band - categoryGap) / barGroups.length : 0;
  const barGap = Math.min(options.barGap ?? 4, groupWidth * 0.5);

  const bars: Bar[] = [];
  const shapes: Shape[] = [];
  series.forEach((entry, index) => {
    const stack = stacked[index];
    if (!stack) return;
    if (entry.type === 'bar') {
      const group = barGroups.indexOf(stack.key);
      data.forEach((row, category) => {
        const top = scaleY(Math.max(stack.highs[category] ?? 0, stack.lows[category] ?? 0));
        const bottom = scaleY(Math.min(stack.highs[category] ?? 0, stack.lows[category] ?? 0));
        bars.push({
          series: index,
          category,
          x: frame.left + band * category + categoryGap / 2 + group * groupWidth + barGap / 2,
          y: top,
          width: Math.max(groupWidth - barGap, 1),
          height: Math.max(bottom - top, 0),
          value: valueAt(row, entry.dataKey),
        });
      });
      return;
    }
    const points = data.map((row, category) => ({
      x: bandCenter(category),
      y: scaleY(stack.highs[category] ?? 0),
      value: valueAt(row, entry.dataKey),
      category,
    }));
    const curve = entry.curveType ?? 'linear';
    const top = linePath(points, curve);
    if (entry.type === 'line') {
      shapes.push({ series: index, kind: 'line', path: top, points });
      return;
    }
    const baseline = data
      .map((_, category) => ({ x: bandCenter(category), y: scaleY(stack.lows[category] ?? 0) }))
      .reverse();
    const back = baseline.map((point) => `L${fmt(point.x)},${fmt(point.y)}`).join('');
    shapes.push({ series: index, kind: 'area', path: `${top}${back}Z`, points });
  });

  return { categories, ticks, scaleY, bandCenter, bars, shapes };
}

const fmt = (value: number) => Number(value.toFixed(2)).toString();

/** An SVG path through the points; smooth curve names share one gentle spline. */
export function linePath(points: Array<{ x: number; y: number }>, curve: string): string {
  const [first] = points;
  if (!first) return '';
  let path = `M${fmt(first.x)},${fmt(first.y)}`;
  for (let i = 1; i < points.length; i += 1) {
    const prev = points[i - 1]!;
    const point = points[i]!;
    if (curve === 'linear' || curve === 'linearClosed') {
      path += `L${fmt(point.x)},${fmt(point.y)}`;
    } else if (curve.startsWith('step')) {
      const midX =
        curve === 'stepBefore' ? prev.x : curve === 'stepAfter' ? point.x : (prev.x + point.x) / 2;
      path += `L${fmt(midX)},${fmt(prev.y)}L${fmt(midX)},${fmt(point.y)}L${fmt(point.x)},${fmt(point.y)}`;
    } else {
      const before = points[i - 2] ?? prev;
      const after = points[i + 1] ?? point;
      const clamp = (y: number) =>
        Math.min(Math.max(y, Math.min(prev.y, point.y)), Math.max(prev.y, point.y));
      const c1x = prev.x + (point.x - before.x) / 6;
      const c1y = clamp(prev.y + (point.y - before.y) / 6);
      const c2x = point.x - (after.x - prev.x) / 6;
      const c2y = clamp(point.y - (after.y - prev.y) / 6);
      path += `C${fmt(c1x)},${fmt(c1y)} ${fmt(c2x)},${fmt(c2y)} ${fmt(point.x)},${fmt(point.y)}`;
    }
  }
  return path;
}
