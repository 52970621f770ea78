/**
 * Charts for the dashboard, drawn by Chart.js. The library is imported on first use,
 * so it loads with the dashboard and never with the chat or the rest of the console.
 * Colours come from the page's CSS variables, so charts follow the theme and branding.
 */

import { useEffect, useRef } from 'react';
import type { ChartConfiguration, ChartType } from 'chart.js';
import type { ThemeName } from '../protocol';

type ChartModule = typeof import('./chart-setup');
let loading: Promise<ChartModule> | null = null;

function chartJs(): Promise<ChartModule> {
  loading ??= import('./chart-setup');
  return loading;
}

const PALETTE = ['blue', 'purple', 'orange', 'green', 'red', 'yellow', 'pink'];
// Past the branding's seven chart colours (ten return reasons need ten), fixed ones
// that read on both themes.
const MORE = ['#14b8a6', '#6366f1', '#84cc16', '#a16207'];

/** The chart colours of the page as it is styled now (they differ per theme). */
export function palette(): string[] {
  const style = getComputedStyle(document.documentElement);
  const branded = PALETTE.map(
    (name) => style.getPropertyValue(`--rd-chart-${name}`).trim() || '#3b82f6',
  );
  return [...branded, ...MORE];
}

function textColours(): { text: string; grid: string } {
  const style = getComputedStyle(document.documentElement);
  return {
    text: style.getPropertyValue('--rd-text-muted').trim() || '#4b5260',
    grid: style.getPropertyValue('--rd-border').trim() || '#e3e5e9',
  };
}

export interface ChartViewProps<T extends ChartType> {
  /** Says what the chart shows, for those who cannot see it; the table below has the numbers. */
  label: string;
  config: () => ChartConfiguration<T>;
  theme: ThemeName;
  /** Changes when the data does, so the chart is drawn again. */
  dataKey: string;
  height?: number;
}

export function ChartView<T extends ChartType>({
  label,
  config,
  theme,
  dataKey,
  height = 260,
}: ChartViewProps<T>) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let cancelled = false;
    void chartJs().then(({ Chart }) => {
      if (cancelled || !canvas.current) return;
      const { text, grid } = textColours();
      Chart.defaults.color = text;
      Chart.defaults.borderColor = grid;
      Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
      const made = config();
      // Sized by its box, drawn at once: a dashboard re-drawn on every period change
      // should not animate each time.
      made.options = {
        ...made.options,
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
      } as typeof made.options;
      chart = new Chart(canvas.current, made);
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
    // Drawn again when the data or the theme changes; `config` reads the latest data.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataKey, theme]);

  return (
    <div className="rd-staff-chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
