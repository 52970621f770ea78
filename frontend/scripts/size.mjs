// Prints the gzipped weight of what each built page loads, and fails when the shopper's
// page is past its budget. The staff console's code never loads on the shopper's page.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200 * 1024;
const STATIC = resolve(import.meta.dirname, '..', '..', 'src', 'returndesk', 'web', 'static');
const PAGES = { 'shopper page': 'index.html', 'staff console': 'staff.html' };
const ASSET = /(?:src|href)="\/assets\/([^"]+)"/g;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function weigh(page) {
  let html;
  try {
    html = readFileSync(join(STATIC, page), 'utf8');
  } catch {
    console.error(`no build of ${page} in ${STATIC}: run \`npm run build\` first`);
    process.exit(1);
  }
  const names = [...new Set([...html.matchAll(ASSET)].map((match) => match[1]))].sort();
  let js = 0;
  for (const name of names) {
    const raw = readFileSync(join(STATIC, 'assets', name));
    const gzipped = gzipSync(raw, { level: 9 }).length;
    if (name.endsWith('.js')) js += gzipped;
    console.log(
      `  ${name.padEnd(36)} ${kb(raw.length).padStart(10)}  gzip ${kb(gzipped).padStart(9)}`,
    );
  }
  return js;
}

let shopper = 0;
for (const [label, page] of Object.entries(PAGES)) {
  console.log(`${label} (${page})`);
  const js = weigh(page);
  console.log(`  JavaScript, gzipped: ${kb(js)}\n`);
  if (page === 'index.html') shopper = js;
}
console.log(`shopper page JavaScript, gzipped: ${kb(shopper)} of ${kb(BUDGET_BYTES)} budget`);
if (shopper > BUDGET_BYTES) {
  console.error('over budget');
  process.exit(1);
}
