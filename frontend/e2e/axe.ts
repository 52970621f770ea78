import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const BLOCKING = new Set(['serious', 'critical']);

/** Run axe-core in the page; returns the serious and critical violations. */
export async function blockingViolations(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol rather than added as a <script>:
  // the page's Content-Security-Policy rightly refuses inline scripts.
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const findings = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: Array<{
              id: string;
              impact: string | null;
              help: string;
              nodes: Array<{ target: unknown[] }>;
            }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.map(String).join(' ')),
    }));
  });
  return findings.filter((finding) => BLOCKING.has(finding.impact ?? ''));
}

/** Let entry animations finish: axe measures contrast on half-faded text otherwise. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' ||
          animation.effect?.getTiming().iterations === Infinity,
      ),
  );
}

export async function expectAccessible(page: Page, where: string): Promise<void> {
  await settle(page);
  const findings = await blockingViolations(page);
  if (findings.length === 0) return;
  const lines = findings.map(
    (finding) =>
      `  [${finding.impact}] ${finding.id}: ${finding.help}\n    at ${finding.targets.join('\n    at ')}`,
  );
  throw new Error(`accessibility violations (${where}):\n${lines.join('\n')}`);
}
