// Keyboard: on the home page and an institution page, pressing Tab from the top reaches every
// focusable element, in order, each with a visible focus indicator; the first Tab reaches a skip link
// that is visible when focused and that moves the reader past the navigation.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { newVisitor } from './lib/browser.mjs';
import { launchBrowser, servedSite, setup } from './lib/harness.mjs';

// Everything asynchronous happens before the first test is declared (node:test ends the file's
// root test, and runs the clean-up, as soon as no declared test is left to run); setup() cleans up
// itself when it fails.
const { site, visitor } = await setup(async () => {
  const site = await servedSite();
  const browser = await launchBrowser();
  const visitor = await newVisitor(browser, { viewport: { width: 1280, height: 800 } });
  return { site, visitor };
});

const institution = site.types.find((t) => t.type === 'institutions/*.html');
const targets = [
  { label: 'home page', file: 'index.html' },
  { label: 'institution page', file: institution?.file },
];

// In the page: number the elements Tab should reach, in the order it should reach them, and record
// what gets focus from now on (with its focus style, measured while it has focus).
function prepare() {
  const selector = 'a[href], area[href], button, input, select, textarea, summary, iframe, audio[controls], video[controls], [tabindex], [contenteditable]:not([contenteditable="false"])';
  const rendered = (el) => {
    if (el.closest('[inert]')) return false;
    if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true })) return false;
    if (el.getClientRects().length === 0) return false;
    const closedDetails = el.closest('details:not([open])');
    if (closedDetails && !(el.tagName === 'SUMMARY' && el.parentElement === closedDetails)) return false;
    return true;
  };
  const radioSeen = new Set();
  const candidates = [...document.querySelectorAll(selector)].filter((el) => {
    if (el.disabled) return false;
    if (el.tagName === 'INPUT' && el.type === 'hidden') return false;
    if (el.tagName === 'SUMMARY' && el.parentElement?.tagName !== 'DETAILS') return false;
    if (el.tabIndex < 0) return false;
    if (!rendered(el)) return false;
    if (el.tagName === 'INPUT' && el.type === 'radio' && el.name) {
      const group = [...document.querySelectorAll(`input[type=radio][name="${CSS.escape(el.name)}"]`)].filter((r) => r.form === el.form);
      const chosen = group.find((r) => r.checked) || group[0];
      if (chosen !== el || radioSeen.has(el.name)) return false;
      radioSeen.add(el.name);
    }
    return true;
  });
  const positive = candidates.filter((el) => el.tabIndex > 0).sort((a, b) => a.tabIndex - b.tabIndex);
  const order = [...positive, ...candidates.filter((el) => el.tabIndex === 0)];
  const name = (el) => {
    const tag = el.tagName.toLowerCase();
    const attrs = ['id', 'class', 'href', 'type', 'name'].filter((a) => el.hasAttribute(a)).map((a) => `${a}="${el.getAttribute(a)}"`).join(' ');
    const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${tag}${attrs ? ` ${attrs}` : ''}>${text}`;
  };
  order.forEach((el, i) => el.setAttribute('data-tuoyu-kbd', String(i)));
  const alpha = (color) => { const m = /rgba?\(([^)]*)\)/.exec(color); if (!m) return 1; const p = m[1].split(/[ ,/]+/).filter(Boolean); return p.length > 3 ? parseFloat(p[3]) : 1; };
  window.__tuoyuFocus = [];
  document.addEventListener('focusin', (event) => {
    const el = event.target;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && alpha(style.outlineColor) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    window.__tuoyuFocus.push({
      index: el.hasAttribute('data-tuoyu-kbd') ? Number(el.getAttribute('data-tuoyu-kbd')) : null,
      what: name(el),
      indicator: outline || shadow,
      style: `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow: ${style.boxShadow}`,
      box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      inViewport: rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0 && rect.left < innerWidth && rect.top < innerHeight,
    });
  }, true);
  return order.map(name);
}

for (const { label, file } of targets) {
  describe(`${label} (${file ?? 'missing'})`, () => {
    test('Tab reaches every focusable element in order, each with a visible focus indicator', async (t) => {
      assert.ok(file, `the site has no ${label}`);
      await visitor.goto(site.url(file));
      const page = visitor.page;
      const expected = await page.evaluate(prepare);
      assert.ok(expected.length > 0, `${file} has no focusable element`);
      for (let i = 0; i <= expected.length; i++) await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => window.__tuoyuFocus);

      const problems = [];
      const steps = focused.slice(0, expected.length);
      const reached = new Set(steps.map((f) => f.index).filter((i) => i !== null));
      const diverge = steps.findIndex((f, i) => f.index !== i);
      if (diverge >= 0) {
        const f = steps[diverge];
        problems.push(`the Tab order departs from the page order at Tab ${diverge + 1}: it focused ${f.index === null ? '' : `#${f.index} `}${f.what}, expected #${diverge} ${expected[diverge]}`);
      }
      const strangers = steps.filter((f) => f.index === null);
      if (strangers.length) problems.push(`Tab focused ${strangers.length} element(s) that are not focusable in the page's order: ${strangers.slice(0, 5).map((f) => f.what).join(', ')}`);
      const missed = expected.map((what, i) => ({ i, what })).filter(({ i }) => !reached.has(i));
      if (missed.length) {
        problems.push(`${missed.length} of ${expected.length} focusable elements never got focus:\n${missed.slice(0, 30).map(({ i, what }) => `      #${i} ${what}`).join('\n')}${missed.length > 30 ? '\n      …' : ''}`);
      }
      const unseen = focused.filter((f) => f.index !== null && !f.indicator);
      const unique = [...new Map(unseen.map((f) => [f.what.replace(/>.*$/, '>') + f.style, f])).values()];
      if (unseen.length) {
        problems.push(`${unseen.length} focused element(s) have no visible focus indicator (outline style none, width 0 or transparent, and no box-shadow); distinct cases:\n${unique.slice(0, 20).map((f) => `      #${f.index} ${f.what}\n        ${f.style}`).join('\n')}`);
      }
      const hidden = focused.filter((f) => f.index !== null && !f.inViewport);
      if (hidden.length) {
        problems.push(`${hidden.length} focused element(s) are not on screen while they have focus:\n${hidden.slice(0, 20).map((f) => `      #${f.index} ${f.what} at ${JSON.stringify(f.box)}`).join('\n')}`);
      }
      t.diagnostic(`${expected.length} focusable elements, ${reached.size} reached by Tab`);
      assert.equal(problems.length, 0, `${file} (${expected.length} focusable elements):\n  ${problems.join('\n  ')}`);
    });

    test('the first Tab reaches a visible skip link that moves focus past the navigation', async () => {
      assert.ok(file, `the site has no ${label}`);
      await visitor.goto(site.url(file));
      const page = visitor.page;
      await page.evaluate(prepare);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const el = document.activeElement;
        const href = el?.getAttribute('href') || '';
        const id = href.startsWith('#') ? decodeURIComponent(href.slice(1)) : null;
        return { focus: window.__tuoyuFocus[0] || null, tag: el?.tagName, href, targetExists: !!(id && document.getElementById(id)) };
      });
      assert.equal(first.tag, 'A', `the first Tab focuses ${first.focus?.what ?? first.tag}, not a skip link`);
      assert.ok(first.href.startsWith('#') && first.targetExists,
        `the first focusable element ${first.focus?.what} is not a skip link to an element of the page (href="${first.href}")`);
      assert.ok(first.focus.inViewport, `the skip link ${first.focus.what} is not visible on screen when focused (box ${JSON.stringify(first.focus.box)})`);
      assert.ok(first.focus.indicator, `the skip link has no visible focus indicator: ${first.focus.style}`);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const after = await page.evaluate((href) => {
        const target = document.getElementById(decodeURIComponent(href.slice(1)));
        const el = document.activeElement;
        const past = target === el || target.contains(el) || !!(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        return { past, what: window.__tuoyuFocus.at(-1)?.what ?? el?.tagName };
      }, first.href);
      assert.ok(after.past, `after Enter on the skip link, the next Tab focuses ${after.what}, which is before ${first.href}`);
    });
  });
}
