// Screenshots for review: a full-page PNG of each page type at 375 and 1280 CSS px wide, in the
// normal and the elderly-friendly mode, written to $TUOYU_SCREENSHOTS (CTest: <build>/screenshots;
// else build/screenshots). File names: <page type>-<width>[-elderly].png, e.g. institutions_any-375.png.
// screenshots.txt lists the files of the last run; files of page types that no longer exist are removed.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { enableElderlyMode, newVisitor } from './lib/browser.mjs';
import { SCREENSHOT_DIR, VIEWPORTS } from './lib/env.mjs';
import { launchBrowser, servedSite } from './lib/harness.mjs';
import { typeSlug } from './lib/site.mjs';

const MANIFEST = join(SCREENSHOT_DIR, 'screenshots.txt');

// Everything asynchronous happens before the first test is declared (node:test ends the file's
// root test, and runs the clean-up, as soon as no declared test is left to run).
const site = await servedSite();
const browser = await launchBrowser();
const visitors = new Map();
for (const viewport of VIEWPORTS) visitors.set(viewport.name, await newVisitor(browser, { viewport }));

mkdirSync(SCREENSHOT_DIR, { recursive: true });
if (existsSync(MANIFEST)) {
  for (const name of readFileSync(MANIFEST, 'utf8').split('\n')) {
    if (/^[A-Za-z0-9_-]+\.png$/.test(name)) rmSync(join(SCREENSHOT_DIR, name), { force: true });
  }
}
const written = [];

function pngSize(file) {
  const b = readFileSync(file);
  assert.equal(b.subarray(1, 4).toString('latin1'), 'PNG', `${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

for (const { type, file } of site.types) {
  describe(`${type} (${file})`, () => {
    for (const viewport of VIEWPORTS) {
      for (const mode of ['normal', 'elderly']) {
        const name = `${typeSlug(type)}-${viewport.width}${mode === 'elderly' ? '-elderly' : ''}.png`;
        test(`${name}`, async () => {
          const visit = visitors.get(viewport.name);
          await visit.goto(site.url(file));
          if (mode === 'elderly') await enableElderlyMode(visit.page);
          await visit.page.evaluate(() => document.fonts.ready);
          const path = join(SCREENSHOT_DIR, name);
          await visit.page.screenshot({ path, fullPage: true, animations: 'disabled' });
          written.push(name);
          const size = pngSize(path);
          assert.equal(size.width, viewport.width, `${name} is ${size.width} px wide`);
          assert.ok(size.height > 0, `${name} is empty`);
        });
      }
    }
  });
}

test(`screenshots are listed in ${MANIFEST}`, () => {
  writeFileSync(MANIFEST, `${written.sort().join('\n')}\n`);
  console.log(`screenshots: ${written.length} PNG files in ${SCREENSHOT_DIR}`);
  assert.equal(written.length, site.types.length * VIEWPORTS.length * 2);
});
