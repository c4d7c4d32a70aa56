// Escaping: a register and an article full of markup and script are published as text, never as
// markup. The tiny fixture site (tests/fixtures/base) is copied and every free-text field — every
// string column of institutions.csv and fees.csv that its Table Schema leaves unconstrained (no enum,
// pattern, check or list; not a key; not `street`, which must name a street of the district) and the
// article's front matter and Markdown body — is filled with hostile text. Then every page is opened:
// no dialog may open, no element may carry an event-handler attribute or a javascript: URL, and the
// hostile text must be readable, literally, as text.
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { newVisitor } from './lib/browser.mjs';
import { makeTempDir } from './lib/cleanup.mjs';
import { BASE_FIXTURE, ROOT } from './lib/env.mjs';
import { launchBrowser, servedSite, setup } from './lib/harness.mjs';
import { isHtml, listFiles } from './lib/site.mjs';

const SCRIPT = '<script>alert(1)</script>';
const BREAKOUT = '"><img src=x onerror=alert(1)>';
const BREAKOUT_SQ = "'><svg onload=alert(1)>";
const TEMPLATE = '{{name}}';
const JS_URL = 'javascript:alert(1)';
const PAYLOADS = [SCRIPT, BREAKOUT, TEMPLATE, JS_URL];
// Three orders, so a value also starts with each kind of payload (a value that starts with
// "javascript:" is the dangerous one if a template ever puts it in an href).
const VARIANTS = [
  [SCRIPT, BREAKOUT, TEMPLATE, JS_URL],
  [JS_URL, TEMPLATE, SCRIPT, BREAKOUT],
  [BREAKOUT, BREAKOUT_SQ, JS_URL, SCRIPT, TEMPLATE],
];

// --- a minimal RFC 4180 reader and writer -----------------------------------------------------
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((f) => f !== ''));
}
const csvField = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const writeCsv = (rows) => rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';

// The free-text columns of a table, from its schema (the fixture's own, else the sample's).
function freeTextFields(site, table) {
  const own = join(site, 'data', 'schema', `${table}.schema.json`);
  const schema = JSON.parse(readFileSync(existsSync(own) ? own : join(ROOT, 'data', 'schema', `${table}.schema.json`), 'utf8'));
  const keys = new Set([...(schema.primaryKey || []), ...(schema.foreignKeys || []).flatMap((k) => k.fields)]);
  return schema.fields.filter((f) => (f.type || 'string') === 'string' && !f.private && !keys.has(f.name) && f.name !== 'street'
    && !f.constraints?.enum && !f.constraints?.pattern && !f['tuoyu:check'] && !f['tuoyu:list'])
    .map((f) => ({ name: f.name, title: f.title, maxLength: f.constraints?.maxLength }));
}

const hostileValues = [];   // { where, value, tag }
function hostile(where, variant, maxLength) {
  const tag = `[${where}]`;
  // The tag goes last, so that values really start with "javascript:" or '">' in some rows.
  let value = `${VARIANTS[variant % VARIANTS.length].join(' ')} ${tag}`;
  if (maxLength && [...value].length > maxLength) value = `${tag} ${VARIANTS[0].join(' ')}`.slice(0, maxLength);
  hostileValues.push({ where, value, tag });
  return value;
}

function makeHostileTable(site, table) {
  const file = join(site, 'data', `${table}.csv`);
  const rows = parseCsv(readFileSync(file, 'utf8'));
  const header = rows[0];
  const fields = freeTextFields(site, table);
  const touched = [];
  for (const field of fields) {
    const col = header.findIndex((h) => h === field.name || h === field.title);
    if (col < 0) continue;
    touched.push(field.name);
    for (let r = 1; r < rows.length; r++) {
      while (rows[r].length < header.length) rows[r].push('');
      const id = rows[r][0];
      rows[r][col] = hostile(`${table}:${id}:${field.name}`, r - 1, field.maxLength);
    }
  }
  writeFileSync(file, writeCsv(rows));
  return touched;
}

const yamlQuote = (s) => `'${s.replace(/'/g, "''")}'`;
function makeHostileArticles(site) {
  const dir = join(site, 'content', 'guide');
  const touched = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
    assert.ok(m, `${name}: no front matter`);
    const front = m[1].split('\n').map((line) => {
      const key = /^(title|topic|summary|source):/.exec(line)?.[1];
      return key ? `${key}: ${yamlQuote(hostile(`article:${name}:${key}`, ['title', 'topic', 'summary', 'source'].indexOf(key)))}` : line;
    }).join('\n');
    const body = [
      `## ${SCRIPT} heading ${TEMPLATE}`,
      '',
      `Inline raw HTML ${SCRIPT} and ${BREAKOUT} and <img src=x onerror=alert(1)> and ${TEMPLATE} in a paragraph.`,
      '',
      SCRIPT,
      '',
      '<div onclick="alert(1)" style="background:url(javascript:alert(1))">raw block</div>',
      '',
      '<iframe src="javascript:alert(1)"></iframe>',
      '',
      `[link](${JS_URL}) [upper](JAVASCRIPT:alert(1)) [entity](&#106;avascript:alert(1)) [spaced](<javascript:alert(1)>) <${JS_URL}> ![image](${JS_URL})`,
      '',
      '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [vb](vbscript:msgbox(1))',
      '',
      `Code: \`${SCRIPT}\` and \`${BREAKOUT}\`.`,
      '',
      `    ${SCRIPT} in an indented code block`,
      '',
    ].join('\n');
    writeFileSync(join(dir, name), `---\n${front}\n---\n${body}`);
    touched.push(name);
  }
  return touched;
}

// Build the hostile site. Everything asynchronous happens before the first test is declared
// (node:test ends the file's root test, and runs the clean-up, as soon as no declared test is left
// to run); setup() cleans up itself when it fails.
const { touched, site, visitor } = await setup(async () => {
  const source = join(makeTempDir('hostile-src'), 'site');
  cpSync(BASE_FIXTURE, source, { recursive: true });
  // Every interface language the sample site publishes, so that each locale's pages are attacked too.
  const languages = /^languages:.*$/m.exec(readFileSync(join(ROOT, 'site.yaml'), 'utf8'));
  const siteYaml = readFileSync(join(source, 'site.yaml'), 'utf8');
  if (languages && !/^languages:/m.test(siteYaml)) writeFileSync(join(source, 'site.yaml'), `${siteYaml.trimEnd()}\n${languages[0]}\n`);
  const touched = {
    institutions: makeHostileTable(source, 'institutions'),
    fees: makeHostileTable(source, 'fees'),
    articles: makeHostileArticles(source),
  };
  const site = await servedSite(source, 'hostile');
  const browser = await launchBrowser();
  const visitor = await newVisitor(browser, { viewport: { width: 1280, height: 800 } });
  return { touched, site, visitor };
});
const pages = listFiles(site.dir, isHtml);
const norm = (s) => s.replace(/\s+/g, ' ');
const seenText = new Map();   // file → normalised text (title + body)

test(`the hostile fixture touches ${touched.institutions.join(', ')} (institutions), ${touched.fees.join(', ')} (fees) and ${touched.articles.length} article(s)`, () => {
  assert.ok(touched.institutions.includes('name') && touched.institutions.includes('address'), 'name and address must be among the hostile fields');
  assert.ok(touched.articles.length > 0, 'the fixture has no article');
});

describe(`every page of the hostile site (${pages.length})`, () => {
  for (const file of pages) {
    test(file, async () => {
      await visitor.goto(site.url(file));
      await visitor.page.waitForTimeout(50);   // let an onerror of a broken-out <img src=x> fire
      const found = await visitor.page.evaluate(() => {
        const problems = [];
        const show = (el) => el.outerHTML.replace(/\s+/g, ' ').slice(0, 160);
        for (const el of document.querySelectorAll('*')) {
          for (const attr of el.attributes) {
            const name = attr.name.toLowerCase();
            const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
            if (name.startsWith('on')) problems.push(`event-handler attribute ${name}: ${show(el)}`);
            if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'srcdoc'].includes(name)
              && (/^(javascript|vbscript):/.test(value) || /^data:text\/html/.test(value))) {
              problems.push(`${name}="${attr.value}": ${show(el)}`);
            }
          }
          if (el.tagName === 'SCRIPT') {
            const type = (el.getAttribute('type') || '').trim().toLowerCase();
            const executable = type === '' || /javascript|ecmascript|jscript|livescript|^module$/.test(type);
            if (executable && /alert\(/.test(el.textContent)) problems.push(`injected script: ${show(el)}`);
            if (/json/.test(type)) {
              // A data block (JSON-LD …) must survive hostile text whole: "</script>" inside it must be escaped.
              try { JSON.parse(el.textContent); } catch (err) { problems.push(`the ${type} data block no longer parses (${err.message}): ${show(el)}`); }
            }
          }
        }
        for (const a of document.querySelectorAll('a[href], area[href]')) {
          try { if (['javascript:', 'vbscript:'].includes(new URL(a.href).protocol)) problems.push(`link resolves to ${a.href}: ${show(a)}`); } catch { /* not a URL */ }
        }
        return { problems, text: `${document.title}\n${document.body.innerText}` };
      });
      seenText.set(file, norm(found.text));
      const failures = [];
      const dialogs = visitor.log.dialogs.map((d) => `${d.type}("${d.message}")`);
      if (dialogs.length) failures.push(`${dialogs.length} dialog(s) opened — hostile text was run as script: ${dialogs.join(', ')}`);
      if (found.problems.length) failures.push(`hostile text became markup:\n    ${found.problems.join('\n    ')}`);
      // Wherever a hostile value shows (its [tag] is in the text), it shows whole and literal.
      const text = seenText.get(file);
      const mangled = hostileValues.filter((h) => text.includes(h.tag) && !text.includes(norm(h.value)));
      if (mangled.length) {
        failures.push(`hostile text is shown, but not literally:\n${mangled.map((h) => `    expected: ${h.value}\n    shown:    ${text.slice(Math.max(0, text.indexOf(h.tag) - h.value.length), text.indexOf(h.tag) + h.tag.length)}`).join('\n')}`);
      }
      assert.equal(failures.length, 0, `${file}:\n  ${failures.join('\n  ')}`);
    });
  }
});

test('the hostile strings are shown literally as text', () => {
  const all = [...seenText.values()].join('\n');
  const missing = PAYLOADS.filter((p) => !all.includes(p));
  assert.deepEqual(missing, [], `these strings appear on no page as text: ${missing.join('  ')}`);
  const names = hostileValues.filter((h) => /^institutions:[^:]+:name$/.test(h.where));
  const unshown = names.filter((h) => ![...seenText.values()].some((t) => t.includes(norm(h.value))));
  assert.deepEqual(unshown.map((h) => h.value), [], 'institution names that no page shows literally');
  const titles = hostileValues.filter((h) => /^article:.*:title$/.test(h.where));
  const untitled = titles.filter((h) => ![...seenText.values()].some((t) => t.includes(norm(h.value))));
  assert.deepEqual(untitled.map((h) => h.value), [], 'article titles that no page shows literally');
});
