// A small, dependency-free HTML tag scanner, enough to find every URL a page refers to and every id
// it defines. It follows the HTML tokenizer where it matters for that: comments, doctype and CDATA
// are skipped; the content of script, style, textarea and title is raw text (a "<a href>" inside a
// script is not a link); attribute values may be double-quoted, single-quoted or unquoted and may
// contain ">"; character references in attribute values are decoded.

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', sol: '/', colon: ':', num: '#', period: '.', lowbar: '_', equals: '=', quest: '?', percnt: '%' };

export function decodeEntities(s) {
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?/g, (m, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      try { return String.fromCodePoint(code); } catch { return m; }
    }
    return Object.hasOwn(NAMED, ref) ? NAMED[ref] : m;
  });
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
const ATTR = /[\s/]*(?:([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?)?/y;

// Returns { tags: [{ name, attrs: Map, line, text? }], lineOf(offset) }. `text` is the raw content
// of raw-text elements (e.g. the CSS of a <style> element).
export function scanHtml(html) {
  const lineStarts = [0];
  for (let i = html.indexOf('\n'); i >= 0; i = html.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset) => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1; }
    return lo + 1;
  };
  const tags = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) { const end = html.indexOf('-->', lt + 4); i = end < 0 ? html.length : end + 3; continue; }
    if (html.startsWith('<![CDATA[', lt)) { const end = html.indexOf(']]>', lt); i = end < 0 ? html.length : end + 3; continue; }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') { const end = html.indexOf('>', lt); i = end < 0 ? html.length : end + 1; continue; }
    if (html[lt + 1] === '/') { const end = html.indexOf('>', lt); i = end < 0 ? html.length : end + 1; continue; }
    const nameMatch = /^<([A-Za-z][^\s/>]*)/.exec(html.slice(lt, lt + 64));
    if (!nameMatch) { i = lt + 1; continue; }
    const name = nameMatch[1].toLowerCase();
    const attrs = new Map();
    ATTR.lastIndex = lt + nameMatch[0].length;
    let m;
    while ((m = ATTR.exec(html)) && m[0].length > 0) {
      if (m[1] === undefined) break;
      const key = m[1].toLowerCase();
      const value = m[2] ?? m[3] ?? m[4] ?? '';
      if (!attrs.has(key)) attrs.set(key, decodeEntities(value));
    }
    let end = html.indexOf('>', ATTR.lastIndex);
    if (end < 0) end = html.length;
    const tag = { name, attrs, line: lineOf(lt), offset: lt };
    tags.push(tag);
    i = end + 1;
    if (RAW_TEXT.has(name)) {
      const closeRe = new RegExp(`</${name.replace(/[^a-z0-9]/g, '')}[\\s/>]`, 'gi');
      closeRe.lastIndex = i;
      const close = closeRe.exec(html);
      const stop = close ? close.index : html.length;
      tag.text = html.slice(i, stop);
      i = stop;
    }
  }
  return { tags, lineOf };
}

// The URLs of a CSS text: url(…) and @import "…".
export function cssUrls(css) {
  const urls = [];
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  const re = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;
  let m;
  while ((m = re.exec(clean))) {
    const url = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5];
    const line = clean.slice(0, m.index).split('\n').length;
    urls.push({ url, line });
  }
  return urls;
}

// rel values whose link the browser fetches or connects to, rather than merely points at.
const FETCHING_RELS = new Set(['stylesheet', 'icon', 'apple-touch-icon', 'apple-touch-icon-precomposed', 'mask-icon',
  'manifest', 'preload', 'modulepreload', 'prefetch', 'prerender', 'preconnect', 'dns-prefetch', 'shortcut']);

function srcsetUrls(value) {
  return value.split(',').map((c) => c.trim().split(/\s+/)[0]).filter(Boolean);
}

// Every URL a page refers to: [{ url, kind: 'link' | 'resource', tag, attr, line }].
// A "link" is followed by the reader (a, area, form, cite, canonical/alternate …); a "resource" is
// loaded by the browser on its own (script, stylesheet, img, iframe, CSS url() …).
export function pageUrls(scan) {
  const out = [];
  const add = (tag, attr, url, kind) => out.push({ url, kind, tag: tag.name, attr, line: tag.line });
  for (const tag of scan.tags) {
    const a = tag.attrs;
    const get = (k) => a.get(k);
    switch (tag.name) {
      case 'a': case 'area':
        if (a.has('href')) add(tag, 'href', get('href'), 'link');
        break;
      case 'link': {
        if (!a.has('href')) break;
        const rels = (get('rel') || '').toLowerCase().split(/\s+/).filter(Boolean);
        add(tag, 'href', get('href'), rels.some((r) => FETCHING_RELS.has(r)) ? 'resource' : 'link');
        if (a.has('imagesrcset')) for (const u of srcsetUrls(get('imagesrcset'))) add(tag, 'imagesrcset', u, 'resource');
        break;
      }
      case 'form':
        if (a.has('action')) add(tag, 'action', get('action'), 'link');
        break;
      case 'blockquote': case 'q': case 'del': case 'ins':
        if (a.has('cite')) add(tag, 'cite', get('cite'), 'link');
        break;
      case 'meta': {
        const refresh = (get('http-equiv') || '').toLowerCase() === 'refresh' && /url\s*=\s*['"]?([^'"]+)/i.exec(get('content') || '');
        if (refresh) add(tag, 'content', refresh[1].trim(), 'link');
        break;
      }
      case 'object':
        if (a.has('data')) add(tag, 'data', get('data'), 'resource');
        break;
      case 'video':
        if (a.has('poster')) add(tag, 'poster', get('poster'), 'resource');
      // fall through
      default:
        if (a.has('src')) add(tag, 'src', get('src'), 'resource');
        if (a.has('srcset')) for (const u of srcsetUrls(get('srcset'))) add(tag, 'srcset', u, 'resource');
        if (tag.name === 'use' || tag.name === 'image') {
          for (const k of ['href', 'xlink:href']) if (a.has(k)) add(tag, k, get(k), 'resource');
        }
    }
    if (a.has('style')) for (const { url } of cssUrls(get('style'))) add(tag, 'style', url, 'resource');
    if (tag.name === 'style' && tag.text) {
      for (const { url, line } of cssUrls(tag.text)) out.push({ url, kind: 'resource', tag: 'style', attr: 'url()', line: tag.line + line - 1 });
    }
  }
  return out;
}

// The ids a page defines (and the names of <a name>, which fragments may also target).
export function pageIds(scan) {
  const ids = new Set();
  for (const tag of scan.tags) {
    if (tag.attrs.has('id')) ids.add(tag.attrs.get('id'));
    if (tag.name === 'a' && tag.attrs.has('name')) ids.add(tag.attrs.get('name'));
  }
  return ids;
}

// The <base href> of a page, if any.
export function baseHref(scan) {
  const base = scan.tags.find((t) => t.name === 'base' && t.attrs.has('href'));
  return base ? base.attrs.get('href') : null;
}
