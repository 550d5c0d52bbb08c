// What a WebAssembly module is made of, from its name section: the bytes of each function body
// grouped by the crate its (demangled) name starts with, the data segments, and the largest
// functions. tools/size-report.sh runs it on the release module built with names kept.
// (twiggy, the usual tool, cannot read modules that use bulk-memory and reference-types.)
//
// Usage: node tools/wasm-breakdown.mjs MODULE.wasm [N]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: node tools/wasm-breakdown.mjs MODULE.wasm [N]');
const top = Number(topArg ?? 25);
const bytes = readFileSync(file);
let at = 8; // after the magic number and version

function leb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    result += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return result;
    shift += 7;
  }
}
function name() {
  const len = leb();
  const text = bytes.toString('utf8', at, at + len);
  at += len;
  return text;
}

let importedFunctions = 0;
const bodies = []; // sizes of the defined functions' bodies, in order
const names = new Map();
let data = 0;
const sections = {};
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const end = at + size;
  if (id === 2) {
    // imports: count the functions among them (they come first in the function index space)
    for (let n = leb(); n > 0; n--) {
      name();
      name();
      const kind = bytes[at++];
      if (kind === 0) {
        importedFunctions++;
        leb();
      } else if (kind === 1) {
        at++; // reftype
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 2) {
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 3) {
        at += 2;
      }
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const body = leb();
      bodies.push(body);
      at += body;
    }
  } else if (id === 11) {
    data += size;
  } else if (id === 0 && name() === 'name') {
    while (at < end) {
      const sub = bytes[at++];
      const subSize = leb();
      const subEnd = at + subSize;
      if (sub === 1) {
        for (let n = leb(); n > 0; n--) {
          const index = leb();
          names.set(index, name());
        }
      }
      at = subEnd;
    }
  }
  sections[id] = (sections[id] ?? 0) + size;
  at = end;
}

/**
 * Where a function's bytes belong. Code generic over the app's own types (a Yew component's
 * lifecycle instantiated for `cris_atlas::components::X`, serde for a domain type) is the app's,
 * counted under `cris_atlas::<module>`; other code under its first crate.
 */
function crateOf(fn) {
  const own = /cris_atlas::([a-z_]+)/.exec(fn);
  if (own) return `cris_atlas::${own[1]}`;
  const bare = fn.replace(/^<+/, '').replace(/^(&|mut |dyn )+/, '');
  const match = /^([A-Za-z_][A-Za-z0-9_]*)::/.exec(bare);
  if (match) return match[1];
  return fn.startsWith('__wbg') || fn.startsWith('__wbindgen') ? 'wasm-bindgen glue' : 'other';
}

const perCrate = new Map();
const functions = bodies.map((size, i) => {
  // rustc's names carry each crate's hash (`yew[6142282ecd8deb7b]::`): left out.
  const fn = (names.get(importedFunctions + i) ?? `function[${importedFunctions + i}]`).replace(/\[[0-9a-f]{16}\]/g, '');
  const crate = crateOf(fn);
  perCrate.set(crate, (perCrate.get(crate) ?? 0) + size);
  return { fn, size };
});
perCrate.set('data segments (catalog tables, strings)', data);
const code = bodies.reduce((a, b) => a + b, 0);
const total = code + data;
const pct = (n) => `${((100 * n) / total).toFixed(1).padStart(5)}%`;

console.log(`code ${code} bytes in ${bodies.length} functions; data ${data} bytes (names not counted)`);
console.log('\nper crate');
for (const [crate, size] of [...perCrate].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`${String(size).padStart(10)}  ${pct(size)}  ${crate}`);
}
console.log(`\nlargest ${top} functions`);
for (const { fn, size } of functions.sort((a, b) => b.size - a.size).slice(0, top)) {
  console.log(`${String(size).padStart(10)}  ${pct(size)}  ${fn.length > 110 ? fn.slice(0, 107) + '...' : fn}`);
}
