// Screenshots for review: a full-page PNG of each page type at 375 and 1280 CSS px wide, and at 375
// in the elderly-friendly mode too, written to $TUOYU_SCREENSHOTS (CTest: <build>/screenshots;
// else build/screenshots). File names: <page type>-<width>[-elderly].png, e.g. institutions_any-375.png.
// screenshots.txt lists the files of the last run; files of page types that no longer exist are removed.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { enableElderlyMode, newVisitor } from './lib/browser.mjs';
import { SCREENSHOT_DIR, VIEWPORTS } from './lib/env.mjs';
import { launchBrowser, servedSite, setup } from './lib/harness.mjs';
import { typeSlug } from './lib/site.mjs';

const MANIFEST = join(SCREENSHOT_DIR, 'screenshots.txt');

// Everything asynchronous happens before the first test is declared (node:test ends the file's
// root test, and runs the clean-up, as soon as no declared test is left to run); setup() cleans up
// itself when it fails.
const { site, visitors } = await setup(async () => {
  const site = await servedSite();
  const browser = await launchBrowser();
  const visitors = new Map();
  for (const viewport of VIEWPORTS) visitors.set(viewport.name, await newVisitor(browser, { viewport }));
  return { site, visitors };
});

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

// The elderly-friendly mode is shot on the phone only, where large text matters most.
const shots = [];
for (const viewport of VIEWPORTS) {
  for (const { type, file } of site.types) {
    for (const mode of viewport.width < 400 ? ['normal', 'elderly'] : ['normal']) {
      shots.push({ viewport, type, file, mode, name: `${typeSlug(type)}-${viewport.width}${mode === 'elderly' ? '-elderly' : ''}.png` });
    }
  }
}

// The two viewports run side by side (one page each).
describe('full-page screenshots', { concurrency: VIEWPORTS.length }, () => {
  for (const viewport of VIEWPORTS) {
    describe(`${viewport.width} px wide`, { concurrency: 1 }, () => {
      for (const { type, file, mode, name } of shots.filter((s) => s.viewport === viewport)) {
        test(`${type} (${file}) → ${name}`, async () => {
          const visit = visitors.get(viewport.name);
          await visit.goto(site.url(file));
          if (mode === 'elderly') await enableElderlyMode(visit.page);
          await visit.page.evaluate(() => document.fonts.ready);
          const path = join(SCREENSHOT_DIR, name);
          await visit.page.screenshot({ path, fullPage: true, animations: 'disabled' });
          written.push(name);
          const size = pngSize(path);
          assert.equal(size.width, viewport.width, `${name} is ${size.width} px wide: the page is wider than the ${viewport.width} px viewport`);
          assert.ok(size.height > 0, `${name} is empty`);
        });
      }
    });
  }
});

test(`screenshots are listed in ${MANIFEST}`, () => {
  writeFileSync(MANIFEST, `${written.sort().join('\n')}\n`);
  console.log(`screenshots: ${written.length} PNG files in ${SCREENSHOT_DIR}`);
  assert.equal(written.length, shots.length, 'some screenshots were not taken');
});
