// What a first visit to a page downloads, gzip-compressed as the benchmark's server sends it
// (Node's zlib at its default level): the page's HTML and every file its head asks for before
// it is interactive (the module's JavaScript glue and WebAssembly, the catalog's data file on a
// page with an island, the icon and the web app manifest). The service worker, registered once
// the page runs, is not on that path.
//
//   node tools/page-bytes.mjs DIST PAGE=LIMIT...   e.g. dist plan/=200000 explore/=145000
//
// Prints each page's files and total, and exits non-zero when a page's total is over its limit.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, posix } from 'node:path';

const [dist, ...limits] = process.argv.slice(2);
if (!dist || limits.length === 0) {
  console.error('usage: node tools/page-bytes.mjs DIST PAGE=LIMIT...');
  process.exit(2);
}

/** The files a page's head loads, as paths inside the build (deduplicated, in order). */
function firstLoadFiles(page, html) {
  const head = html.split('</head>')[0];
  const base = /<base href="([^"]*)"/.exec(head)?.[1] ?? './';
  const files = [];
  for (const tag of head.match(/<link\b[^>]*>/g) ?? []) {
    const rel = /\brel="([^"]*)"/.exec(tag)?.[1] ?? '';
    const href = /\bhref="([^"]*)"/.exec(tag)?.[1];
    if (!href || !/^(preload|modulepreload|icon|manifest)$/.test(rel)) continue;
    if (/^[a-z]+:/i.test(href) || href.startsWith('/')) continue;
    const file = posix.normalize(posix.join(posix.dirname(page + 'index.html'), base, href));
    if (!files.includes(file)) files.push(file);
  }
  return files;
}

let failed = false;
for (const spec of limits) {
  const [page, limitText] = spec.split('=');
  const limit = Number(limitText);
  const htmlPath = join(dist, page, 'index.html');
  const html = readFileSync(htmlPath, 'utf8');
  const rows = [[`${page}index.html`, gzipSync(Buffer.from(html)).length]];
  for (const file of firstLoadFiles(page, html)) {
    rows.push([file, gzipSync(readFileSync(join(dist, file))).length]);
  }
  const total = rows.reduce((sum, [, bytes]) => sum + bytes, 0);
  console.log(`${page}: first load, gzip (bytes)`);
  for (const [file, bytes] of rows) console.log(`  ${file.padEnd(48)} ${String(bytes).padStart(9)}`);
  const verdict = total <= limit ? `${limit - total} B left` : `${total - limit} B OVER`;
  console.log(`  ${'TOTAL'.padEnd(48)} ${String(total).padStart(9)}  of ${limit}: ${verdict}`);
  if (total > limit) failed = true;
}
process.exit(failed ? 1 : 0);
