// Prints the gzipped size of the built JavaScript and fails past the budget.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200 * 1024;
const assets = resolve(
  import.meta.dirname,
  '..',
  '..',
  'src',
  'returndesk',
  'web',
  'static',
  'assets',
);

let files;
try {
  files = readdirSync(assets).filter((name) => name.endsWith('.js') || name.endsWith('.css'));
} catch {
  console.error(`no build at ${assets}: run \`npm run build\` first`);
  process.exit(1);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
let jsTotal = 0;
for (const name of files.sort()) {
  const raw = readFileSync(join(assets, name));
  const gzipped = gzipSync(raw, { level: 9 }).length;
  if (name.endsWith('.js')) jsTotal += gzipped;
  console.log(`${name.padEnd(36)} ${kb(raw.length).padStart(10)}  gzip ${kb(gzipped).padStart(9)}`);
}
console.log(`\nJavaScript, gzipped: ${kb(jsTotal)} of ${kb(BUDGET_BYTES)} budget`);
if (jsTotal > BUDGET_BYTES) {
  console.error('over budget');
  process.exit(1);
}
