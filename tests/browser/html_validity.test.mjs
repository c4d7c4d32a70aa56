// HTML validity: the Nu HTML Checker (vnu.jar, the W3C validator) finds no error in any page type,
// nor in the site's stylesheets (its CSS checker). All files go to one java call, which is what
// costs time.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { JAVA, VNU_JAR } from './lib/env.mjs';
import { builtSite, setup } from './lib/harness.mjs';
import { listFiles } from './lib/site.mjs';

const run = promisify(execFile);

// Runs vnu on FILES; returns its messages ({ type, subType, url, lastLine, firstColumn, message, extract }).
async function vnu(files) {
  assert.ok(existsSync(VNU_JAR), `vnu.jar missing at ${VNU_JAR}: run tests/browser/install.sh`);
  let stderr;
  try {
    ({ stderr } = await run(JAVA, ['-Xss4m', '-jar', VNU_JAR, '--errors-only', '--also-check-css', '--format', 'json', ...files], { maxBuffer: 256 << 20 }));
  } catch (err) {
    // vnu exits 1 when it reports errors; anything without a JSON report is a real failure.
    if (!err.stderr || !err.stderr.trim().startsWith('{')) throw new Error(`vnu failed (exit ${err.code}): ${err.stderr || err.message}`);
    stderr = err.stderr;
  }
  return JSON.parse(stderr).messages || [];
}

// setup() cleans up itself when it fails.
const { site, stylesheets, byFile } = await setup(async () => {
  const site = await builtSite();
  const stylesheets = listFiles(site.dir, (f) => f.endsWith('.css'));
  const files = [...site.types.map(({ file }) => file), ...stylesheets].map((file) => join(site.dir, file));
  const messages = await vnu(files);
  const byFile = new Map(files.map((f) => [relative(site.dir, f), []]));
  for (const m of messages) {
    const file = m.url && m.url.startsWith('file:') ? relative(site.dir, fileURLToPath(m.url)) : '(no file)';
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file).push(m);
  }
  return { site, stylesheets, byFile };
});

function format(file, list) {
  return list.map((m) => {
    const where = m.lastLine ? `${file}:${m.lastLine}:${m.firstColumn ?? m.lastColumn ?? ''}` : file;
    const extract = m.extract ? `\n      ${m.extract.replace(/\s+/g, ' ').trim().slice(0, 200)}` : '';
    return `  ${where}: ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}${extract}`;
  }).join('\n');
}

for (const { type, file } of site.types) {
  test(`${type} (${file}) is valid HTML`, () => {
    const list = byFile.get(file) || [];
    assert.equal(list.length, 0, `vnu found ${list.length} error(s) in ${file}:\n${format(file, list)}`);
  });
}

for (const file of stylesheets) {
  test(`${file} is valid CSS`, () => {
    const list = byFile.get(file) || [];
    assert.equal(list.length, 0, `vnu found ${list.length} error(s) in ${file}:\n${format(file, list)}`);
  });
}

const stray = [...byFile.entries()].filter(([file]) => !site.types.some((t) => t.file === file) && !stylesheets.includes(file));
test('vnu reported nothing about other inputs', () => {
  const text = stray.map(([file, list]) => format(file, list)).join('\n');
  assert.equal(stray.length, 0, `vnu messages not tied to a page:\n${text}`);
});
