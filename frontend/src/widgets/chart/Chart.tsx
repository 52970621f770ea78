import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { ChartNode } from '../../protocol';
import { useWidgetTheme } from '../host';
import { color, flexValue, px } from '../style';
import { categoryLabels, layoutChart, valueAt } from './geometry';

const PALETTE = ['blue', 'purple', 'orange', 'green', 'red', 'yellow', 'pink'];
const DEFAULT_WIDTH = 560;
const DEFAULT_HEIGHT = 220;

function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = entry?.contentRect.width ?? 0;
      if (measured > 0) setWidth(Math.round(measured));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

export function ChartWidget({ node }: { node: ChartNode }) {
  const theme = useWidgetTheme();
  const { ref, width } = useWidth(DEFAULT_WIDTH);
  const height = typeof node.height === 'number' ? node.height : DEFAULT_HEIGHT;
  const series = node.series ?? [];
  const showYAxis = node.showYAxis ?? false;
  const showXAxis = !(typeof node.xAxis === 'object' && node.xAxis.hide);
  const showLegend = node.showLegend ?? series.length > 1;
  const showTooltip = node.showTooltip ?? true;
  const frame = {
    width,
    height,
    top: 8,
    right: 8,
    bottom: showXAxis ? 26 : 8,
    left: showYAxis ? 44 : 8,
  };
  const layout = layoutChart(node, frame, {
    barGap: node.barGap,
    barCategoryGap: node.barCategoryGap,
  });
  const seriesColor = (index: number) =>
    color(series[index]?.color ?? PALETTE[index % PALETTE.length], 'chart', theme) ??
    'currentColor';
  const seriesLabel = (index: number) =>
    series[index]?.label ?? series[index]?.dataKey ?? `Series ${index + 1}`;
  const summary = `Chart of ${series.map((_, index) => seriesLabel(index)).join(', ')}`;
  const labels = categoryLabels(node);
  const style: CSSProperties = {
    width: px(node.width ?? node.size),
    maxWidth: px(node.maxWidth ?? node.maxSize),
    minWidth: px(node.minWidth ?? node.minSize),
    flex: flexValue(node.flex),
  };

  return (
    <figure className="rd-chart" style={style} data-testid="widget-chart">
      <div ref={ref} className="rd-chart__plot">
        <svg
          width="100%"
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={summary}
        >
          {layout.ticks.map((tick) => (
            <g key={tick} className="rd-chart__grid">
              <line
                x1={frame.left}
                x2={width - frame.right}
                y1={layout.scaleY(tick)}
                y2={layout.scaleY(tick)}
              />
              {showYAxis ? (
                <text
                  x={frame.left - 6}
                  y={layout.scaleY(tick)}
                  textAnchor="end"
                  dominantBaseline="middle"
                >
                  {tick.toLocaleString()}
                </text>
              ) : null}
            </g>
          ))}
          {layout.shapes
            .filter((shape) => shape.kind === 'area')
            .map((shape) => (
              <path
                key={`area-${shape.series}`}
                d={shape.path}
                fill={seriesColor(shape.series)}
                fillOpacity={0.25}
                stroke={seriesColor(shape.series)}
                strokeWidth={2}
                data-testid="chart-area"
              />
            ))}
          {layout.bars.map((bar) => (
            <rect
              key={`bar-${bar.series}-${bar.category}`}
              x={bar.x}
              y={bar.y}
              width={bar.width}
              height={bar.height}
              rx={3}
              fill={seriesColor(bar.series)}
              data-testid="chart-bar"
            >
              {showTooltip ? (
                <title>{`${labels[bar.category] ?? ''}: ${seriesLabel(bar.series)} ${bar.value.toLocaleString()}`}</title>
              ) : null}
            </rect>
          ))}
          {layout.shapes
            .filter((shape) => shape.kind === 'line')
            .map((shape) => (
              <g key={`line-${shape.series}`}>
                <path
                  d={shape.path}
                  fill="none"
                  stroke={seriesColor(shape.series)}
                  strokeWidth={2.5}
                  data-testid="chart-line"
                />
                {shape.points.map((point) => (
                  <circle
                    key={point.category}
                    cx={point.x}
                    cy={point.y}
                    r={3.5}
                    fill={seriesColor(shape.series)}
                  >
                    {showTooltip ? (
                      <title>{`${labels[point.category] ?? ''}: ${seriesLabel(shape.series)} ${point.value.toLocaleString()}`}</title>
                    ) : null}
                  </circle>
                ))}
              </g>
            ))}
          {showXAxis
            ? layout.categories.map((category, index) => (
                <text
                  key={index}
                  className="rd-chart__x"
                  x={layout.bandCenter(index)}
                  y={height - 8}
                  textAnchor="middle"
                >
                  {category}
                </text>
              ))
            : null}
        </svg>
      </div>
      {showLegend ? (
        <ul className="rd-chart__legend" aria-hidden="true">
          {series.map((_, index) => (
            <li key={index}>
              <span className="rd-chart__swatch" style={{ background: seriesColor(index) }} />
              {seriesLabel(index)}
            </li>
          ))}
        </ul>
      ) : null}
      <table className="rd-sr-only">
        <caption>{summary}</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            {series.map((_, index) => (
              <th key={index} scope="col">
                {seriesLabel(index)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(node.data ?? []).map((row, rowIndex) => (
            <tr key={rowIndex}>
              <th scope="row">{labels[rowIndex]}</th>
              {series.map((entry, index) => (
                <td key={index}>{valueAt(row, entry.dataKey)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
