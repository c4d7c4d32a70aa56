// Accessibility: axe-core (WCAG 2.0 and 2.1, levels A and AA) finds no violation on any page type,
// on a phone (375×812) and a laptop (1280×800), in the normal and the elderly-friendly mode; on the
// phone, and at 320 px, the page also must not scroll sideways (WCAG 1.4.10 reflow, which axe does not check).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { enableElderlyMode, formatViolations, horizontalOverflow, newVisitor, runAxe } from './lib/browser.mjs';
import { VIEWPORTS } from './lib/env.mjs';
import { launchBrowser, servedSite, setup } from './lib/harness.mjs';

// Everything asynchronous happens before the first test is declared (node:test ends the file's
// root test, and runs the clean-up, as soon as no declared test is left to run); setup() cleans up
// itself when it fails.
const { site, browser, visitors } = await setup(async () => {
  const site = await servedSite();
  const browser = await launchBrowser();
  const visitors = new Map();
  for (const viewport of VIEWPORTS) visitors.set(viewport.name, await newVisitor(browser, { viewport }));
  return { site, browser, visitors };
});
const missingToggle = new Set();

// The two viewports run side by side (one page each), the page types one after the other.
describe('WCAG 2.1 AA', { concurrency: VIEWPORTS.length }, () => {
  for (const viewport of VIEWPORTS) {
    describe(`${viewport.width}×${viewport.height}`, { concurrency: 1 }, () => {
      for (const { type, file } of site.types) {
        for (const mode of ['normal', 'elderly']) {
          test(`${type} (${file}), ${mode} mode: axe${viewport.width < 400 ? ' + reflow' : ''}`, async (t) => {
            const visit = visitors.get(viewport.name);
            await visit.goto(site.url(file));
            const failures = [];
            if (mode === 'elderly') {
              const { via, problems } = await enableElderlyMode(visit.page);
              if (via === 'class' && !missingToggle.has(file)) {
                missingToggle.add(file);
                const note = `note: ${file} has no #elderly-toggle button; the class "elderly" was set on <html> directly`;
                console.log(note);
                t.diagnostic(note);
              }
              if (problems.length) failures.push(`the elderly-mode contract is not met:\n  ${problems.join('\n  ')}`);
            }
            const violations = await runAxe(visit.page);
            if (violations.length) {
              const count = violations.reduce((n, v) => n + v.nodes.length, 0);
              failures.push(`${violations.length} axe rule(s) violated on ${count} element(s):\n${formatViolations(violations)}`);
            }
            if (viewport.width < 400) {
              // WCAG 1.4.10 asks for reflow at 320 CSS px: measure there too, then restore the phone size.
              for (const width of [viewport.width, 320]) {
                await visit.page.setViewportSize({ width, height: viewport.height });
                const overflow = await horizontalOverflow(visit.page);
                if (overflow) {
                  failures.push(`WCAG 1.4.10 reflow: the page is ${overflow.scrollWidth} px wide in a ${overflow.clientWidth} px viewport (it scrolls sideways); elements sticking out:\n      ${overflow.culprits.join('\n      ')}${overflow.more ? `\n      … and ${overflow.more} more` : ''}`);
                }
              }
              await visit.page.setViewportSize({ width: viewport.width, height: viewport.height });
            }
            assert.equal(failures.length, 0, `${file} at ${viewport.width}×${viewport.height}, ${mode} mode: ${failures.join('\n')}`);
          });
        }
      }
    });
  }
});

// The elderly mode, once chosen, stays on when the reader moves to another page (that is what
// storing it in localStorage is for). Checked only where the toggle exists.
test('elderly mode is remembered on the next page', async (t) => {
  const withToggle = site.types.map((p) => p.file)
    .filter((file) => /\sid=["']?elderly-toggle["'\s>]/.test(readFileSync(join(site.dir, file), 'utf8')));
  if (withToggle.length === 0) {
    t.skip('no page has #elderly-toggle yet');
    return;
  }
  const [first, second = first] = withToggle;
  const visit = await newVisitor(browser, { viewport: VIEWPORTS[0] });
  try {
    await visit.goto(site.url(first));
    await visit.page.locator('#elderly-toggle').first().click({ timeout: 5000 });
    await visit.page.goto(site.url(second));   // not visit.goto(), which would clear localStorage
    const on = await visit.page.evaluate(() => document.documentElement.classList.contains('elderly'));
    assert.ok(on, `after turning the elderly mode on in ${first}, ${second} opens without class "elderly" on <html>`);
  } finally {
    await visit.close();
  }
});
