// Print and zoom: the print stylesheet hides navigation and controls and keeps the content an
// institution page prints for (facts and the whole fee table); and every page type stays usable at
// 200 % zoom, which for a 1280×800 window means a 640×400 CSS-pixel viewport without sideways scrolling.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { horizontalOverflow, newVisitor } from './lib/browser.mjs';
import { launchBrowser, servedSite, setup } from './lib/harness.mjs';

const { site, printer, zoomed } = await setup(async () => {
  const site = await servedSite();
  const browser = await launchBrowser();
  const printer = await newVisitor(browser, { viewport: { width: 1280, height: 800 } });
  const zoomed = await newVisitor(browser, { viewport: { width: 640, height: 400 } });
  return { site, printer, zoomed };
});

const institution = site.types.find((t) => t.type === 'institutions/*.html');

describe('print stylesheet', () => {
  test('an institution page prints its facts and fee table without navigation or controls', async () => {
    assert.ok(institution, 'the site has institution pages');
    await printer.page.emulateMedia({ media: 'print' });
    await printer.goto(site.url(institution.file));
    const shown = await printer.page.evaluate(() => {
      const visible = (selector) => {
        const el = document.querySelector(selector);
        return el ? getComputedStyle(el).display !== 'none' : null;
      };
      const wrap = document.querySelector('.table-wrap');
      return {
        nav: visible('.site-nav'), toggle: visible('#elderly-toggle'), skip: visible('.skip'), maps: visible('.maps'),
        title: visible('h1'), facts: visible('.facts'), fees: visible('table.fees'),
        feeOverflow: wrap ? getComputedStyle(wrap).overflowX : null,
      };
    });
    assert.equal(shown.nav, false, 'the navigation is hidden in print');
    assert.equal(shown.toggle, false, 'the elderly-mode button is hidden in print');
    assert.equal(shown.skip, false, 'the skip link is hidden in print');
    assert.notEqual(shown.maps, true, 'map links are hidden in print');
    assert.equal(shown.title, true, 'the name prints');
    assert.equal(shown.facts, true, 'the facts print');
    if (shown.fees !== null) {
      assert.equal(shown.fees, true, 'the fee table prints');
      assert.equal(shown.feeOverflow, 'visible', 'the fee table is not cut off by its scroll region');
    }
    const pdf = await printer.page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 1000, `printing to PDF gives a document (${pdf.length} bytes)`);
    await printer.page.emulateMedia({ media: 'screen' });
  });
});

describe('200 % zoom', () => {
  for (const type of site.types) {
    test(`${type.file} does not scroll sideways at 640 CSS px (1280 px at 200 %)`, async () => {
      await zoomed.goto(site.url(type.file));
      const overflow = await horizontalOverflow(zoomed.page);
      assert.equal(overflow, null, overflow ? `the page is ${overflow.scrollWidth} px wide: ${overflow.culprits.join('; ')}` : '');
    });
  }
});
