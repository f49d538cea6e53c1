// Fails when the English and Albanian locale files do not have exactly the same keys.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'i18n', 'locales');
const locales = ['en', 'sq'];

function keys(obj, prefix = '') {
  return Object.entries(obj).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') return keys(v, path);
    if (typeof v !== 'string' || v.trim() === '') return [`${path} (empty or not a string)`];
    return [path];
  });
}

const sets = Object.fromEntries(
  locales.map((l) => [l, new Set(keys(JSON.parse(readFileSync(resolve(root, `${l}.json`), 'utf8'))))]),
);
let failed = false;
for (const a of locales) {
  for (const b of locales) {
    if (a === b) continue;
    const missing = [...sets[a]].filter((k) => !sets[b].has(k));
    for (const k of missing) {
      failed = true;
      console.error(`${b}.json is missing "${k}" (present in ${a}.json)`);
    }
  }
}
if (failed) process.exit(1);
console.log(`i18n: ${locales.join(', ')} have the same ${sets.en.size} keys`);
