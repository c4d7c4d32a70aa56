// The static link check of a built site: every URL in every HTML and CSS file, resolved as the
// browser would resolve it with the site published under SUB_PATH. No browser, no npm package.
import { readFileSync } from 'node:fs';
import { SUB_PATH } from './env.mjs';
import { baseHref, cssUrls, pageIds, pageUrls, scanHtml } from './html.mjs';
import { isHtml, listFiles } from './site.mjs';

export const LINK_SCHEMES = new Set(['http:', 'https:', 'tel:', 'mailto:', 'sms:', 'geo:']);
const DANGEROUS_SCHEMES = new Set(['javascript:', 'vbscript:', 'data:', 'file:']);
const ORIGIN = 'http://site.invalid';

// Returns { pages: Map(file → { ids, urls, base }), stylesheets: [{ file, urls }], edges: Map(file → Set(file)),
//           problems: { broken, fragment, foreign, scheme, rootRelative, outside } } (lists of messages).
export function checkSiteLinks(siteDir) {
  const files = listFiles(siteDir);
  const fileSet = new Set(files);
  const dirSet = new Set(files.flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));

  // Parse everything once.
  const pages = new Map();   // file → { ids, urls, base }
  for (const file of files.filter(isHtml)) {
    const scan = scanHtml(readFileSync(`${siteDir}/${file}`, 'utf8'));
    pages.set(file, { ids: pageIds(scan), urls: pageUrls(scan), base: baseHref(scan) });
  }
  const stylesheets = files.filter((f) => f.endsWith('.css')).map((file) => ({
    file, urls: cssUrls(readFileSync(`${siteDir}/${file}`, 'utf8')).map(({ url, line }) => ({ url, line, kind: 'resource', tag: 'css', attr: 'url()' })),
  }));

  const problems = { broken: [], fragment: [], foreign: [], scheme: [], rootRelative: [], outside: [] };
  const edges = new Map();   // html file → internal html files it links to

  const fileUrl = (file) => new URL(SUB_PATH + file.split('/').map(encodeURIComponent).join('/'), ORIGIN);

  function check(from, entry, base) {
    const where = `${from}:${entry.line}: <${entry.tag} ${entry.attr}="${entry.url}">`;
    const raw = entry.url.trim();
    if (raw === '') { problems.broken.push(`${where}: empty URL`); return; }
    // A 404 page is the one page a server sends for any address, at any depth, where relative URLs
    // cannot work; it may use root-relative URLs, which must then lead into the published sub-path.
    if (/^\/(?!\/)/.test(raw) && !/(^|\/)404\.html$/.test(from)) {
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

  return { pages, stylesheets, edges, problems };
}
