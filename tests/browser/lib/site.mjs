// Building a site with the tuoyu binary, and finding the kinds of pages it has.
import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir } from './cleanup.mjs';
import { ALL_PAGES, tuoyuBinary } from './env.mjs';

const run = promisify(execFile);

// Builds SOURCE into a fresh temporary folder and returns the output folder. Throws with tuoyu's own
// report when the build fails (exit code and messages), so a broken build is explained, not hidden.
export async function buildSite(source, label = 'site') {
  const bin = tuoyuBinary();
  const out = join(makeTempDir(label), 'site');
  const args = ['build', '--source', source, '--out', out];
  try {
    const { stdout, stderr } = await run(bin, args, { maxBuffer: 64 << 20 });
    return { dir: out, log: stdout + stderr };
  } catch (err) {
    const why = err.signal ? `killed by ${err.signal}` : `exit code ${err.code}`;
    throw new Error(`tuoyu build failed (${why}): ${bin} ${args.join(' ')}\n${err.stdout || ''}${err.stderr || ''}`);
  }
}

// Every file of a folder, as site-relative paths with '/' separators, sorted by code point so the
// choice of samples never depends on the file system.
export function listFiles(root, filter = () => true) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const rel = relative(root, full).split(sep).join('/');
        if (filter(rel)) files.push(rel);
      }
    }
  };
  walk(root);
  return files.sort(compareCodePoints);
}

export function compareCodePoints(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const isHtml = (rel) => rel.endsWith('.html');

// The page types of a built site, discovered from its files so that new kinds of pages are covered
// without touching the tests:
//   - every HTML file directly in the site folder is its own type (index.html, about.html, 404.html …);
//   - in every folder, at any depth, index.html is its own type ("guide/index.html"), and so is a
//     file named like a top-level page (a language folder mirrors the top: "en/about.html",
//     "en/404.html"); the first other HTML file in sorted order stands for the rest ("guide/*.html",
//     "institutions/*.html", "en/institutions/*.html" …).
// Returns [{ type, file }] sorted by type. With TUOYU_BROWSER_ALL_PAGES=1 every file is its own type.
export function discoverPageTypes(siteDir) {
  const pages = listFiles(siteDir, isHtml);
  if (pages.length === 0) throw new Error(`no HTML files in ${siteDir}`);
  if (ALL_PAGES) return pages.map((file) => ({ type: file, file }));
  const topLevel = new Set(pages.filter((file) => !file.includes('/')));
  const types = new Map();
  for (const file of pages) {
    const slash = file.lastIndexOf('/');
    const folder = slash < 0 ? '' : file.slice(0, slash + 1);
    const name = file.slice(slash + 1);
    const type = folder === '' || name === 'index.html' || topLevel.has(name) ? file : `${folder}*.html`;
    if (!types.has(type)) types.set(type, { type, file });
  }
  return [...types.values()].sort((a, b) => compareCodePoints(a.type, b.type));
}

// A file-name-safe form of a page type: "institutions/*.html" → "institutions_any".
export function typeSlug(type) {
  return type.replace(/\.html$/, '').replace(/\*/g, 'any').replace(/[^A-Za-z0-9_-]+/g, '_') || 'page';
}
