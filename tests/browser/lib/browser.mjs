// One Chromium per test file (Debian's /usr/bin/chromium through playwright-core; nothing is
// downloaded), and one fresh browser context per page visit, which records every request, dialog,
// script error and failed response of the visit. Requests to any host other than 127.0.0.1 are
// recorded and then aborted, so a page that would reach the internet fails fast instead of hanging.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { onCleanup } from './cleanup.mjs';
import { AXE_JS, CHROMIUM } from './env.mjs';

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browserPromise = null;
export function launchBrowser() {
  if (!browserPromise) {
    browserPromise = chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
    onCleanup(async () => { const b = await browserPromise.catch(() => null); if (b) await b.close(); });
  }
  return browserPromise;
}

// data:, blob: and about: URLs never leave the machine; everything else must go to 127.0.0.1.
export function isLocalUrl(url) {
  const u = typeof url === 'string' ? new URL(url) : url;
  if (['data:', 'blob:', 'about:'].includes(u.protocol)) return true;
  return (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:') && u.hostname === '127.0.0.1';
}

function freshLog() {
  return { requests: [], foreign: [], dialogs: [], errors: [], bad: [], failed: [] };
}

// A browser context with one page that visits page after page (a new renderer per page costs half a
// second on a small machine). Requests to other hosts are recorded and aborted, and goto() fails
// when there was one. Every visit starts with empty localStorage and a fresh log:
//   requests     [{ url, type }]      every request the page made
//   foreign      [{ url, type }]      those to another host (each one is a failure)
//   dialogs      [{ type, message }]  alert/confirm/prompt/beforeunload (dismissed)
//   errors       [message]            uncaught script errors
//   bad          [{ url, status }]    responses with status ≥ 400
//   failed       [{ url, error }]     local requests that failed at the network level
// Returns { page, context, log, goto(url, { status }), close() }.
export async function newVisitor(browser, { viewport = { width: 1280, height: 800 }, javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN', javaScriptEnabled });
  const visitor = { context, log: freshLog() };
  await context.route((u) => !isLocalUrl(u), (route) => route.abort('blockedbyclient'));
  context.on('request', (request) => {
    const entry = { url: request.url(), type: request.resourceType() };
    visitor.log.requests.push(entry);
    if (!isLocalUrl(entry.url)) visitor.log.foreign.push(entry);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) visitor.log.bad.push({ url: response.url(), status: response.status() });
  });
  context.on('requestfailed', (request) => {
    if (isLocalUrl(request.url())) visitor.log.failed.push({ url: request.url(), error: request.failure()?.errorText });
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    visitor.log.dialogs.push({ type: dialog.type(), message: dialog.message() });
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => visitor.log.errors.push(error.message));
  visitor.page = page;
  // Loads URL; throws unless it answers STATUS and, with localOnly, unless every request of the load
  // went to 127.0.0.1 (so every test that opens a page also enforces this).
  visitor.goto = async (url, { status = 200, localOnly = true } = {}) => {
    await page.evaluate(() => { try { localStorage.clear(); sessionStorage.clear(); } catch { /* about:blank */ } });
    visitor.log = freshLog();
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || response.status() !== status) {
      throw new Error(`${url}: HTTP ${response ? response.status() : 'no response'}, expected ${status}`);
    }
    if (localOnly && visitor.log.foreign.length) {
      throw new Error(`${url} made requests to other hosts (only 127.0.0.1 is allowed):\n${describeRequests(visitor.log.foreign)}`);
    }
    return response;
  };
  visitor.close = () => context.close();
  return visitor;
}

// Opens URL in a fresh context of its own; returns the visitor (close it when done).
export async function openPage(browser, url, options = {}) {
  const visitor = await newVisitor(browser, options);
  try {
    await visitor.goto(url);
  } catch (err) {
    await visitor.close();
    throw err;
  }
  return visitor;
}

export function describeRequests(list) {
  return list.map((r) => `    ${r.type || ''} ${r.url}${r.status ? ` → HTTP ${r.status}` : ''}${r.error ? ` (${r.error})` : ''}`).join('\n');
}

// Elderly-friendly mode. The page contract: a button #elderly-toggle toggles the class "elderly" on
// <html> and stores localStorage "tuoyu-elderly" = "1". When the button exists it is clicked (and the
// contract is checked); when it does not, the class is set directly so the checks still run.
// Returns { via: 'button' | 'class', problems: [text] }.
export async function enableElderlyMode(page) {
  const button = page.locator('#elderly-toggle');
  if ((await button.count()) > 0) {
    const problems = [];
    const before = await page.evaluate(() => document.documentElement.classList.contains('elderly'));
    if (!before) {
      try {
        await button.first().click({ timeout: 5000 });
      } catch (err) {
        problems.push(`#elderly-toggle could not be clicked (hidden, disabled or covered?): ${err.message.split('\n')[0]}`);
      }
    }
    const state = await page.evaluate(() => ({
      on: document.documentElement.classList.contains('elderly'),
      stored: (() => { try { return localStorage.getItem('tuoyu-elderly'); } catch { return 'unavailable'; } })(),
    }));
    if (!state.on) problems.push('clicking #elderly-toggle did not add class "elderly" to <html>');
    if (state.stored !== '1') problems.push(`after clicking #elderly-toggle, localStorage "tuoyu-elderly" is ${JSON.stringify(state.stored)}, expected "1"`);
    if (!state.on) await page.evaluate(() => document.documentElement.classList.add('elderly'));
    return { via: 'button', problems };
  }
  await page.evaluate(() => {
    document.documentElement.classList.add('elderly');
    try { localStorage.setItem('tuoyu-elderly', '1'); } catch { /* file: or disabled storage */ }
  });
  return { via: 'class', problems: [] };
}

// WCAG 1.4.10 (reflow): at a phone's width the page must not scroll sideways. Returns null when it
// does not, else { scrollWidth, clientWidth, culprits: [description] } (the innermost elements that
// stick out on the right).
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const clientWidth = root.clientWidth;
    const scrollWidth = Math.max(root.scrollWidth, document.body ? document.body.scrollWidth : 0);
    if (scrollWidth <= clientWidth) return null;
    const out = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > clientWidth + 0.5);
    const innermost = out.filter((el) => !out.some((other) => other !== el && el.contains(other)));
    const show = (el) => {
      const r = el.getBoundingClientRect();
      return `${el.outerHTML.replace(/\s+/g, ' ').slice(0, 140)} (right edge at ${Math.round(r.right)} px)`;
    };
    return { scrollWidth, clientWidth, culprits: innermost.slice(0, 8).map(show), more: Math.max(0, innermost.length - 8) };
  });
}

let axeSource = null;
export async function injectAxe(page) {
  axeSource ??= readFileSync(AXE_JS, 'utf8');
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Runs axe-core with the WCAG 2.0/2.1 A and AA rules; returns the violations.
export async function runAxe(page) {
  await injectAxe(page);
  const result = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
    }));
  }, WCAG_TAGS);
  return result;
}

export function formatViolations(violations) {
  return violations.map((v) => {
    const sc = v.tags.filter((t) => /^wcag\d{3,}$/.test(t)).map((t) => t.replace(/^wcag(\d)(\d)(\d+)$/, '$1.$2.$3')).join(', ');
    const nodes = v.nodes.map((n) => `      at ${n.target}\n        ${n.html.replace(/\s+/g, ' ').slice(0, 300)}\n        ${(n.summary || '').replace(/\n\s*/g, ' | ')}`).join('\n');
    return `  [${v.impact}] ${v.id}${sc ? ` (WCAG ${sc})` : ''}: ${v.help}\n    ${v.helpUrl}\n    ${v.nodes.length} element(s):\n${nodes}`;
  }).join('\n');
}
