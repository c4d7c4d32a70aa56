// HTML validity: the Nu HTML Checker (vnu.jar, the W3C validator) finds no error in any page type.
// All files go to one java call, which is what costs time.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { JAVA, VNU_JAR } from './lib/env.mjs';
import { builtSite } from './lib/harness.mjs';

const run = promisify(execFile);
const site = await builtSite();

// Runs vnu on FILES; returns its messages ({ type, subType, url, lastLine, firstColumn, message, extract }).
async function vnu(files) {
  assert.ok(existsSync(VNU_JAR), `vnu.jar missing at ${VNU_JAR}: run tests/browser/install.sh`);
  let stderr;
  try {
    ({ stderr } = await run(JAVA, ['-Xss4m', '-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], { maxBuffer: 256 << 20 }));
  } catch (err) {
    // vnu exits 1 when it reports errors; anything without a JSON report is a real failure.
    if (!err.stderr || !err.stderr.trim().startsWith('{')) throw new Error(`vnu failed (exit ${err.code}): ${err.stderr || err.message}`);
    stderr = err.stderr;
  }
  return JSON.parse(stderr).messages || [];
}

const files = site.types.map(({ file }) => join(site.dir, file));
const messages = await vnu(files);
const bySite = new Map(files.map((f) => [relative(site.dir, f), []]));
for (const m of messages) {
  const file = m.url && m.url.startsWith('file:') ? relative(site.dir, fileURLToPath(m.url)) : '(no file)';
  if (!bySite.has(file)) bySite.set(file, []);
  bySite.get(file).push(m);
}

function format(file, list) {
  return list.map((m) => {
    const where = m.lastLine ? `${file}:${m.lastLine}:${m.firstColumn ?? m.lastColumn ?? ''}` : file;
    const extract = m.extract ? `\n      ${m.extract.replace(/\s+/g, ' ').trim().slice(0, 200)}` : '';
    return `  ${where}: ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}${extract}`;
  }).join('\n');
}

for (const { type, file } of site.types) {
  test(`${type} (${file}) is valid HTML`, () => {
    const list = bySite.get(file) || [];
    assert.equal(list.length, 0, `vnu found ${list.length} error(s) in ${file}:\n${format(file, list)}`);
  });
}

const stray = [...bySite.entries()].filter(([file]) => !site.types.some((t) => t.file === file));
test('vnu reported nothing about other inputs', () => {
  const text = stray.map(([file, list]) => format(file, list)).join('\n');
  assert.equal(stray.length, 0, `vnu messages not tied to a page:\n${text}`);
});
