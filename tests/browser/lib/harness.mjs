// What every test file shares: the sample site built once, served once by nginx, and one browser.
// Importing this module registers the clean-up (browser, nginx, temporary folders) as an `after`
// hook of the test file, so it runs when the file's tests end, pass or fail.
import { after } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { cleanupAll } from './cleanup.mjs';
import { SITE_SOURCE } from './env.mjs';
import { startNginx } from './nginx.mjs';
import { buildSite, discoverPageTypes } from './site.mjs';

after(cleanupAll);

const cache = new Map();

// Runs a test file's set-up. If it fails, everything it started is stopped and removed before the
// error is passed on (node:test ends such a file without running `after` hooks or exit handlers).
export async function setup(fn) {
  try {
    return await fn();
  } catch (err) {
    await cleanupAll();
    throw err;
  }
}

// Builds SOURCE (default: the sample site) once per test file and serves it.
// Returns { dir, baseUrl, types: [{ type, file }], url(file) }.
export function servedSite(source = SITE_SOURCE, label = 'sample') {
  if (!cache.has(source)) {
    cache.set(source, (async () => {
      const { dir, log } = await buildSite(source, label);
      const server = await startNginx(dir);
      const types = discoverPageTypes(dir);
      return { dir, log, baseUrl: server.baseUrl, server, types, url: (file) => new URL(file, server.baseUrl).href };
    })());
  }
  return cache.get(source);
}

// The built sample site without a server (for checks on files).
export function builtSite(source = SITE_SOURCE, label = 'sample') {
  const key = `files:${source}`;
  if (!cache.has(key)) {
    cache.set(key, buildSite(source, label).then(({ dir, log }) => ({ dir, log, types: discoverPageTypes(dir) })));
  }
  return cache.get(key);
}

export { launchBrowser };
