// Runs electronegativity (Doyensec's Electron security linter) over the app's Electron code and its
// built page, and fails on any finding of medium severity or above that is not excluded below.
// Part of `npm test`; needs the renderer built first (its index.html carries the CSP meta tag).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));

// Each exclusion names its check and says why it does not apply.
const excluded = {
  OPEN_EXTERNAL_JS_CHECK:
    'shell.openExternal only ever receives the result of externalUrl(): a parsed http(s) URL without credentials; ' +
    'electron/main/security.test.ts tries javascript:, file:, smb: and credentialed URLs against it.',
};

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const builtPage = join(root, 'out', 'renderer', 'index.html');
if (!existsSync(builtPage)) {
  console.error('electronegativity: build the app first (npm run build): out/renderer/index.html is missing');
  process.exit(1);
}

// What ships: the Electron code (main, preload, core) and the page it loads.
const stage = mkdtempSync(join(tmpdir(), 'cadre-electronegativity-'));
cpSync(join(root, 'electron'), join(stage, 'electron'), {
  recursive: true,
  filter: (path) => !path.endsWith('.test.ts') && !path.includes(`${join('electron', 'core', 'testing')}`),
});
cpSync(builtPage, join(stage, 'renderer', 'index.html'));

const csv = join(stage, 'findings.csv');
const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
const run = spawnSync(process.execPath, [cli, '-i', stage, '-e', electronVersion, '-r', '-v', 'false', '-o', csv], {
  encoding: 'utf8',
});
if (!existsSync(csv)) {
  console.error(run.stdout, run.stderr);
  rmSync(stage, { recursive: true, force: true });
  process.exit(1);
}

const parseLine = (line) =>
  [...line.matchAll(/"((?:[^"]|"")*)"|([^,]+)|(?<=,)(?=,|$)/g)].map((m) => (m[1] ?? m[2] ?? '').replaceAll('""', '"').trim());
const [, ...rows] = readFileSync(csv, 'utf8').trim().split('\n');
rmSync(stage, { recursive: true, force: true });
const findings = rows
  .map(parseLine)
  .map(([check, severity, confidence, file, location, sample]) => ({ check, severity, confidence, file, location, sample }));

const serious = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);
const blocking = findings.filter((f) => serious.has(f.severity) && !Object.hasOwn(excluded, f.check));
const counts = new Map();
for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
const bySeverity = [...counts].map(([severity, n]) => `${severity} ${n}`);

console.log(
  `electronegativity (Electron ${electronVersion}): ${findings.length} findings in all (${bySeverity.join(', ') || 'none'})`,
);
for (const [check, reason] of Object.entries(excluded)) {
  const count = findings.filter((f) => f.check === check).length;
  console.log(`  excluded ${check} (${count} finding${count === 1 ? '' : 's'}): ${reason}`);
}
for (const f of findings.filter((f) => !serious.has(f.severity)))
  console.log(`  ${f.severity.toLowerCase()}: ${f.check} ${f.file}:${f.location}`);
if (blocking.length > 0) {
  console.error(`\nelectronegativity: ${blocking.length} finding(s) of medium severity or above:`);
  for (const f of blocking) console.error(`  ${f.severity} ${f.check} (${f.confidence}) ${f.file}:${f.location} ${f.sample}`);
  process.exit(1);
}
console.log('electronegativity: no finding of medium severity or above');
