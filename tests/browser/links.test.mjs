// Links: every URL in every HTML and CSS file of the built site is checked without a browser —
// internal links and resources resolve to files of the site (relative paths, folder links to
// index.html, #fragments to ids of the target); links to other sites use http:, https:, tel:,
// mailto:, sms: or geo:; nothing the browser loads by itself (script, stylesheet, image, font, frame …)
// comes from another host; no URL is root-relative (the site is published under a sub-path and
// opened from file://). Then, in the browser, each page type loads with no request to another host,
// no failed request and no script error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { describeRequests, newVisitor } from './lib/browser.mjs';
import { SUB_PATH } from './lib/env.mjs';
import { launchBrowser, servedSite } from './lib/harness.mjs';
import { baseHref, cssUrls, pageIds, pageUrls, scanHtml } from './lib/html.mjs';
import { isHtml, listFiles } from './lib/site.mjs';

const LINK_SCHEMES = new Set(['http:', 'https:', 'tel:', 'mailto:', 'sms:', 'geo:']);
const DANGEROUS_SCHEMES = new Set(['javascript:', 'vbscript:', 'data:', 'file:']);
const ORIGIN = 'http://site.invalid';
const MAX_LINES = 80;

// Everything asynchronous happens before the first test is declared (node:test ends the file's
// root test, and runs the clean-up, as soon as no declared test is left to run).
const site = await servedSite();
const browser = await launchBrowser();
const visitor = await newVisitor(browser);
const files = listFiles(site.dir);
const fileSet = new Set(files);
const dirSet = new Set(files.flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));

// Parse everything once.
const pages = new Map();   // file → { ids, urls, base }
for (const file of files.filter(isHtml)) {
  const scan = scanHtml(readFileSync(`${site.dir}/${file}`, 'utf8'));
  pages.set(file, { ids: pageIds(scan), urls: pageUrls(scan), base: baseHref(scan) });
}
const stylesheets = files.filter((f) => f.endsWith('.css')).map((file) => ({
  file, urls: cssUrls(readFileSync(`${site.dir}/${file}`, 'utf8')).map(({ url, line }) => ({ url, line, kind: 'resource', tag: 'css', attr: 'url()' })),
}));

const problems = { broken: [], fragment: [], foreign: [], scheme: [], rootRelative: [], outside: [] };
const edges = new Map();   // html file → internal html files it links to

const fileUrl = (file) => new URL(SUB_PATH + file.split('/').map(encodeURIComponent).join('/'), ORIGIN);

function check(from, entry, base) {
  const where = `${from}:${entry.line}: <${entry.tag} ${entry.attr}="${entry.url}">`;
  const raw = entry.url.trim();
  if (raw === '') { problems.broken.push(`${where}: empty URL`); return; }
  if (/^\/(?!\/)/.test(raw)) {
    problems.rootRelative.push(`${where}: root-relative URL; it breaks when the site is published under a sub-path (here ${SUB_PATH}) or opened from file://`);
    return;
  }
  let url;
  try { url = new URL(raw, base); } catch { problems.broken.push(`${where}: not a valid URL`); return; }
  if (url.origin !== ORIGIN) {
    if (entry.kind === 'resource') {
      if (url.protocol !== 'data:') problems.foreign.push(`${where}: loaded from another host (${url.protocol === 'http:' || url.protocol === 'https:' ? url.host : url.protocol}); the site must load nothing from elsewhere`);
    } else if (DANGEROUS_SCHEMES.has(url.protocol)) {
      problems.scheme.push(`${where}: ${url.protocol} URL in a link`);
    } else if (!LINK_SCHEMES.has(url.protocol)) {
      problems.scheme.push(`${where}: unexpected scheme ${url.protocol} (allowed: ${[...LINK_SCHEMES].join(' ')})`);
    }
    return;
  }
  if (!url.pathname.startsWith(SUB_PATH)) {
    problems.outside.push(`${where}: resolves to ${url.pathname}, outside the site folder`);
    return;
  }
  let path;
  try { path = decodeURIComponent(url.pathname.slice(SUB_PATH.length)); } catch { problems.broken.push(`${where}: bad percent-encoding`); return; }
  if (path === '' || path.endsWith('/')) path += 'index.html';
  else if (dirSet.has(path)) path += '/index.html';
  if (!fileSet.has(path)) {
    problems.broken.push(`${where}: ${path} does not exist in the site`);
    return;
  }
  if (isHtml(from) && isHtml(path) && entry.kind === 'link') {
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from).add(path);
  }
  if (url.hash && url.hash !== '#' && isHtml(path)) {
    let id;
    try { id = decodeURIComponent(url.hash.slice(1)); } catch { id = url.hash.slice(1); }
    if (!pages.get(path).ids.has(id) && id.toLowerCase() !== 'top') {
      problems.fragment.push(`${where}: ${path} has no element with id "${id}"`);
    }
  }
}

for (const [file, page] of pages) {
  const base = page.base ? new URL(page.base, fileUrl(file)) : fileUrl(file);
  for (const entry of page.urls) check(file, entry, base);
}
for (const { file, urls } of stylesheets) for (const entry of urls) check(file, entry, fileUrl(file));

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
  test('links to other sites use http:, https:, tel:, mailto:, sms: or geo: (never javascript:)', () => {
    assert.equal(problems.scheme.length, 0, report(problems.scheme, 'link(s) with a forbidden scheme'));
  });
  test('every page can be reached by following links from index.html', () => {
    const seen = new Set(['index.html']);
    const queue = ['index.html'];
    while (queue.length) for (const next of edges.get(queue.shift()) || []) if (!seen.has(next)) { seen.add(next); queue.push(next); }
    const orphans = [...pages.keys()].filter((f) => !seen.has(f) && !/(^|\/)404\.html$/.test(f));
    assert.equal(orphans.length, 0, report(orphans, 'page(s) no link leads to from index.html'));
  });
});

for (const { type, file } of site.types) {
  describe(`browser: ${type} (${file})`, () => {
    let visit;
    before(async () => { await visitor.goto(site.url(file)); visit = { log: visitor.log }; });
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
      const context = await browser.newContext();
      const bad = [];
      const foreign = [];
      context.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('no-such-page.html')) bad.push({ url: r.url(), status: r.status() }); });
      context.on('request', (r) => { if (!r.url().startsWith('http://127.0.0.1:') && !r.url().startsWith('data:')) foreign.push({ url: r.url() }); });
      try {
        const page = await context.newPage();
        const response = await page.goto(site.url(`${folder}no-such-page.html`));
        assert.equal(response.status(), 404);
        const expected = readFileSync(`${site.dir}/404.html`, 'utf8').match(/<title>([^<]*)<\/title>/)?.[1];
        if (expected) assert.equal(await page.title(), expected.replace(/&amp;/g, '&'), 'the 404 response is not the site\'s 404.html');
        assert.equal(foreign.length, 0, `requests to other hosts:\n${describeRequests(foreign)}`);
        assert.equal(bad.length, 0, `the 404 page served at ${SUB_PATH}${folder} cannot load its own files (relative URLs resolve against the missing page's folder):\n${describeRequests(bad)}`);
      } finally {
        await context.close();
      }
    });
  }
});
