import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { ThemeName } from '../../protocol';
import { BASE, type StaffApi } from '../api';
import { ChartView, palette } from '../charts';
import { codeLabel, money } from '../format';
import { navigate, paths } from '../router';
import type { AnalyticsFigures } from '../types';
import { useLoad } from '../use-load';
import { ErrorNote } from '../notes';

export interface AnalyticsPageProps {
  api: StaffApi;
  query: URLSearchParams;
  theme: ThemeName;
}

function percent(part: number, whole: number): string {
  return whole ? `${((part / whole) * 100).toFixed(1)}%` : '—';
}

function daysBefore(to: string, days: number): string {
  const end = new Date(`${to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - (days - 1));
  return end.toISOString().slice(0, 10);
}

/** The dashboard: a period, its headline figures, and charts each with its table and CSV. */
export function AnalyticsPage({ api, query, theme }: AnalyticsPageProps) {
  const key = query.toString();
  const loaded = useLoad(() => api.analytics(query), [api, key]);
  const figures = loaded.data;
  const [from, setFrom] = useState(query.get('from') ?? '');
  const [to, setTo] = useState(query.get('to') ?? '');

  useEffect(() => {
    if (!figures) return;
    setFrom(figures.period.from);
    setTo(figures.period.to);
  }, [figures]);

  const show = (first: string, last: string) =>
    navigate(paths.analytics(new URLSearchParams({ from: first, to: last })));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    show(from, to);
  };

  return (
    <section className="rd-staff-page" aria-labelledby="analytics-title">
      <h1 id="analytics-title">Analytics</h1>
      <form className="rd-staff-filters" onSubmit={apply} aria-label="Period">
        <label className="rd-staff-field">
          <span>From</span>
          <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label className="rd-staff-field">
          <span>To</span>
          <input type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
        <div className="rd-staff-filters__actions">
          <button type="submit" className="rd-staff-btn rd-staff-btn--primary">
            Show
          </button>
          {figures
            ? [7, 30, 90].map((days) => (
                <button
                  key={days}
                  type="button"
                  className="rd-staff-btn"
                  onClick={() => show(daysBefore(figures.period.to, days), figures.period.to)}
                >
                  Last {days} days
                </button>
              ))
            : null}
        </div>
      </form>
      <ErrorNote message={loaded.error} />
      {figures ? <Dashboard figures={figures} theme={theme} /> : null}
    </section>
  );
}

function Dashboard({ figures, theme }: { figures: AnalyticsFigures; theme: ThemeName }) {
  const period = new URLSearchParams({ from: figures.period.from, to: figures.period.to });
  const dataKey = JSON.stringify(figures.period) + figures.per_day.length;
  const talks = figures.conversations;
  const returns = figures.per_day.reduce((sum, day) => sum + day.returns, 0);
  const hours = figures.median_hours_to_refund;
  const tiles: [string, string][] = [
    ['Returns', String(returns)],
    ['Refunded', money(figures.money.refunded)],
    ['Store credit issued', money(figures.money.store_credit)],
    ['Revenue kept by exchanges', money(figures.money.kept_by_exchanges)],
    ['Revenue kept by offers', money(figures.money.kept_by_offers)],
    [
      'Offers accepted',
      `${figures.retention.accepted} of ${figures.retention.shown} (${percent(figures.retention.accepted, figures.retention.shown)})`,
    ],
    ['Containment', percent(talks.contained, talks.started)],
    ['Hand-offs', String(talks.handed_off)],
    ['Verification failures', String(figures.verification_failures)],
    ['Median time to refund', hours === null ? '—' : `${(hours / 24).toFixed(1)} days`],
  ];
  const colours = () => palette();

  return (
    <>
      <dl className="rd-staff-tiles" data-testid="analytics-tiles">
        {tiles.map(([name, value]) => (
          <div key={name} className="rd-staff-tile">
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="rd-staff-charts">
        <ChartCard
          title="Returns and exchanges per day"
          table="per_day"
          period={period}
          wide
          header={['Day', 'Returns', 'Exchanges']}
          rows={figures.per_day.map((day) => [day.day, String(day.returns), String(day.exchanges)])}
        >
          <ChartView
            label={`Returns and exchanges per day from ${figures.period.from} to ${figures.period.to}`}
            theme={theme}
            dataKey={dataKey}
            config={() => {
              const [blue, purple] = colours();
              return {
                type: 'line',
                data: {
                  labels: figures.per_day.map((day) => day.day.slice(5)),
                  datasets: [
                    {
                      label: 'Returns',
                      data: figures.per_day.map((day) => day.returns),
                      borderColor: blue,
                      backgroundColor: blue,
                      pointRadius: 0,
                      tension: 0.25,
                    },
                    {
                      label: 'Exchanges',
                      data: figures.per_day.map((day) => day.exchanges),
                      borderColor: purple,
                      backgroundColor: purple,
                      pointRadius: 0,
                      tension: 0.25,
                    },
                  ],
                },
                options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
              };
            }}
          />
        </ChartCard>
        {(
          [
            ['Share by reason', 'by_reason', figures.by_reason.map((r) => [r.reason, r.count])],
            [
              'Share by resolution',
              'by_resolution',
              figures.by_resolution.map((r) => [r.resolution, r.count]),
            ],
            ['Share by method', 'by_method', figures.by_method.map((r) => [r.method, r.count])],
          ] as [string, string, [string, number][]][]
        ).map(([title, table, counted]) => {
          const total = counted.reduce((sum, [, count]) => sum + count, 0);
          return (
            <ChartCard
              key={table}
              title={title}
              table={table}
              period={period}
              header={['', 'Returns', 'Share']}
              rows={counted.map(([name, count]) => [
                codeLabel(name),
                String(count),
                percent(count, total),
              ])}
            >
              <ChartView
                label={`${title}: ${counted.map(([name, count]) => `${codeLabel(name)} ${count}`).join(', ')}`}
                theme={theme}
                dataKey={dataKey}
                config={() => ({
                  type: 'doughnut',
                  data: {
                    labels: counted.map(([name]) => codeLabel(name)),
                    datasets: [
                      {
                        data: counted.map(([, count]) => count),
                        backgroundColor: counted.map(
                          (_, index) => colours()[index % colours().length],
                        ),
                        borderWidth: 0,
                      },
                    ],
                  },
                  options: { plugins: { legend: { position: 'right' } } },
                })}
              />
            </ChartCard>
          );
        })}
        <ChartCard
          title="Money"
          table="money"
          period={period}
          header={['', 'Amount']}
          rows={[
            ['Refunded', money(figures.money.refunded)],
            ['Store credit issued', money(figures.money.store_credit)],
            ['Revenue kept by exchanges', money(figures.money.kept_by_exchanges)],
            ['Revenue kept by offers', money(figures.money.kept_by_offers)],
          ]}
        >
          <ChartView
            label="Money refunded, credited and kept in the period"
            theme={theme}
            dataKey={dataKey}
            config={() => ({
              type: 'bar',
              data: {
                labels: ['Refunded', 'Store credit', 'Kept by exchanges', 'Kept by offers'],
                datasets: [
                  {
                    label: 'Amount ($)',
                    data: [
                      figures.money.refunded,
                      figures.money.store_credit,
                      figures.money.kept_by_exchanges,
                      figures.money.kept_by_offers,
                    ].map(Number),
                    backgroundColor: colours().slice(0, 4),
                  },
                ],
              },
              options: { plugins: { legend: { display: false } } },
            })}
          />
        </ChartCard>
        <ChartCard
          title="Conversations"
          table="conversations"
          period={period}
          header={['', 'Value']}
          rows={[
            ['Conversations', String(talks.started)],
            ['Finished without a person', String(talks.contained)],
            ['Handed off', String(talks.handed_off)],
            ['Retention offers shown', String(figures.retention.shown)],
            ['Retention offers accepted', String(figures.retention.accepted)],
            ['Verification failures', String(figures.verification_failures)],
          ]}
        >
          <ChartView
            label={`Conversations: ${talks.contained} finished without a person, ${talks.handed_off} handed off; offers ${figures.retention.accepted} accepted of ${figures.retention.shown} shown`}
            theme={theme}
            dataKey={dataKey}
            config={() => {
              const [blue, purple, orange, green] = colours();
              return {
                type: 'bar',
                data: {
                  labels: ['Conversations', 'Retention offers'],
                  datasets: [
                    {
                      label: 'Without a person',
                      data: [talks.contained, 0],
                      backgroundColor: green,
                    },
                    { label: 'Handed off', data: [talks.handed_off, 0], backgroundColor: orange },
                    {
                      label: 'Offer accepted',
                      data: [0, figures.retention.accepted],
                      backgroundColor: blue,
                    },
                    {
                      label: 'Offer declined',
                      data: [0, figures.retention.shown - figures.retention.accepted],
                      backgroundColor: purple,
                    },
                  ],
                },
                options: {
                  indexAxis: 'y',
                  scales: { x: { stacked: true }, y: { stacked: true } },
                },
              };
            }}
          />
        </ChartCard>
      </div>
    </>
  );
}

interface ChartCardProps {
  title: string;
  table: string;
  period: URLSearchParams;
  header: string[];
  rows: string[][];
  wide?: boolean;
  children: ReactNode;
}

/** A chart with its numbers as a table (folded away) and as a CSV download. */
function ChartCard({ title, table, period, header, rows, wide, children }: ChartCardProps) {
  const id = `chart-${table}`;
  return (
    <figure
      className={`rd-staff-card rd-staff-chart-card${wide ? ' rd-staff-chart-card--wide' : ''}`}
      aria-labelledby={id}
      data-chart={table}
    >
      <figcaption className="rd-staff-chart-card__head">
        <h2 id={id}>{title}</h2>
        <a className="rd-staff-btn" href={`${BASE}/analytics/${table}.csv?${period}`} download>
          Download CSV
        </a>
      </figcaption>
      {children}
      <details className="rd-staff-chart-table">
        <summary>Show the numbers</summary>
        <table className="rd-staff-table">
          <thead>
            <tr>
              {header.map((name, index) => (
                <th key={index} scope="col" className={index ? 'rd-num' : undefined}>
                  {name || 'Item'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row[0]}>
                {row.map((cell, index) => (
                  <td key={index} className={index ? 'rd-num' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
