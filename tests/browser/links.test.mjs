// Links: every URL in every HTML and CSS file of the built site is checked without a browser —
// internal links and resources resolve to files of the site (relative paths, folder links to
// index.html, #fragments to ids of the target); links to other sites use http:, https:, tel:,
// mailto:, sms: or geo:; nothing the browser loads by itself (script, stylesheet, image, font, frame …)
// comes from another host; no URL is root-relative (the site is published under a sub-path and
// opened from file://), except in a 404.html, which a server sends for any address, at any depth.
// Then, in the browser, each page type loads with no request to another host,
// no failed request and no script error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { describeRequests, newVisitor } from './lib/browser.mjs';
import { SUB_PATH } from './lib/env.mjs';
import { launchBrowser, servedSite, setup } from './lib/harness.mjs';
import { LINK_SCHEMES, checkSiteLinks } from './lib/links.mjs';
import { listFiles } from './lib/site.mjs';

const MAX_LINES = 80;

// Everything asynchronous happens before the first test is declared (node:test ends the file's
// root test, and runs the clean-up, as soon as no declared test is left to run); setup() cleans up
// itself when it fails.
const { site, visitor } = await setup(async () => {
  const site = await servedSite();
  const browser = await launchBrowser();
  const visitor = await newVisitor(browser);
  return { site, visitor };
});
const { pages, stylesheets, edges, problems } = checkSiteLinks(site.dir);
const fileSet = new Set(listFiles(site.dir));

function report(list, what) {
  const shown = list.slice(0, MAX_LINES).map((l) => `  ${l}`).join('\n');
  const more = list.length > MAX_LINES ? `\n  … and ${list.length - MAX_LINES} more` : '';
  return `${list.length} ${what}:\n${shown}${more}`;
}

const urlCount = [...pages.values()].reduce((n, p) => n + p.urls.length, 0);
describe(`files: ${pages.size} HTML files, ${stylesheets.length} stylesheets, ${urlCount} URLs in HTML`, () => {
  test('internal links and resources resolve to files of the site', () => {
    assert.equal(problems.broken.length, 0, report(problems.broken, 'broken internal URL(s)'));
  });
  test('#fragments name an element of the target page', () => {
    assert.equal(problems.fragment.length, 0, report(problems.fragment, 'fragment(s) without a target'));
  });
  test('no URL is root-relative or leaves the site folder', () => {
    const list = [...problems.rootRelative, ...problems.outside];
    assert.equal(list.length, 0, report(list, 'URL(s) that break under a sub-path'));
  });
  test('nothing is loaded from another host (script, stylesheet, image, font, frame …)', () => {
    assert.equal(problems.foreign.length, 0, report(problems.foreign, 'resource(s) from another host'));
  });
  test(`links to other sites use ${[...LINK_SCHEMES].join(' ')} (never javascript:)`, () => {
    assert.equal(problems.scheme.length, 0, report(problems.scheme, 'link(s) with a forbidden scheme'));
  });
  test('every page can be reached by following links from index.html', () => {
    const seen = new Set(['index.html']);
    const queue = ['index.html'];
    while (queue.length) for (const next of edges.get(queue.shift()) || []) if (!seen.has(next)) { seen.add(next); queue.push(next); }
    const orphans = [...pages.keys()].filter((f) => !seen.has(f) && !/(^|\/)404\.html$/.test(f));
    assert.equal(orphans.length, 0, report(orphans, 'page(s) are published but no chain of links from index.html leads to them'));
  });
});

for (const { type, file } of site.types) {
  describe(`browser: ${type} (${file})`, () => {
    let visit;
    before(async () => { await visitor.goto(site.url(file), { localOnly: false }); visit = { log: visitor.log }; });
    test('makes no request to another host', () => {
      assert.equal(visit.log.foreign.length, 0, `${file} requested other hosts:\n${describeRequests(visit.log.foreign)}`);
    });
    test('has no failed request and no script error', () => {
      const badUrls = new Set(visit.log.bad.map((r) => r.url));
      const failed = [...visit.log.bad, ...visit.log.failed.filter((r) => !badUrls.has(r.url))];
      assert.equal(failed.length, 0, `${file}: ${failed.length} request(s) failed:\n${describeRequests(failed)}`);
      assert.deepEqual(visit.log.errors, [], `${file}: script errors:\n  ${visit.log.errors.join('\n  ')}`);
    });
  });
}

// A host serves the site's 404.html for any missing address, also in a sub-folder, so its
// stylesheet, script and links must work from there too.
const folders = [...new Set(site.types.map((t) => t.file).filter((f) => f.includes('/')).map((f) => f.slice(0, f.lastIndexOf('/') + 1)))];
describe('404 page', { skip: fileSet.has('404.html') ? false : 'the site has no 404.html' }, () => {
  for (const folder of ['', ...folders.slice(0, 1)]) {
    test(`served for a missing page at ${SUB_PATH}${folder}no-such-page.html, it loads its own files`, async () => {
      await visitor.goto(site.url(`${folder}no-such-page.html`), { status: 404, localOnly: false });
      const expected = readFileSync(`${site.dir}/404.html`, 'utf8').match(/<title>([^<]*)<\/title>/)?.[1];
      if (expected) assert.equal(await visitor.page.title(), expected.replace(/&amp;/g, '&'), 'the 404 response is not the site\'s 404.html');
      const { foreign, bad } = visitor.log;
      const failed = bad.filter((r) => !r.url.endsWith('/no-such-page.html'));
      assert.equal(foreign.length, 0, `requests to other hosts:\n${describeRequests(foreign)}`);
      assert.equal(failed.length, 0, `the 404 page served at ${SUB_PATH}${folder} cannot load its own files (relative URLs resolve against the missing page's folder):\n${describeRequests(failed)}`);
    });
  }
});
