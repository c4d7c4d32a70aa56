// Where things are: the repository, the tuoyu binary, the site to test, the browser, the checker.
// Every value can be overridden by an environment variable, so the same tests run from CTest,
// from `node --test` in this folder, or against another site.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BROWSER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// TUOYU_ROOT: the repository (CTest passes ${PROJECT_SOURCE_DIR}).
export const ROOT = resolve(process.env.TUOYU_ROOT || join(BROWSER_DIR, '..', '..'));

// TUOYU_BIN: the tuoyu binary (CTest passes $<TARGET_FILE:tuoyu>); else build/tuoyu of the repository.
export function tuoyuBinary() {
  const bin = process.env.TUOYU_BIN || join(ROOT, 'build', 'tuoyu');
  if (!existsSync(bin)) {
    throw new Error(`tuoyu binary not found at ${bin}: build it (cmake --build --preset default) or set TUOYU_BIN`);
  }
  return bin;
}

// TUOYU_SITE_SOURCE: the site folder the tests build (default: the sample site at the repository root).
export const SITE_SOURCE = resolve(process.env.TUOYU_SITE_SOURCE || ROOT);

// The tiny valid site the escaping test turns hostile.
export const BASE_FIXTURE = join(ROOT, 'tests', 'fixtures', 'base');

// TUOYU_SCREENSHOTS: where screenshots go (CTest passes ${CMAKE_BINARY_DIR}/screenshots).
export const SCREENSHOT_DIR = resolve(process.env.TUOYU_SCREENSHOTS || join(ROOT, 'build', 'screenshots'));

// TUOYU_BROWSER_ALL_PAGES=1 checks every HTML file instead of one sample per page type (slow on big sites).
export const ALL_PAGES = process.env.TUOYU_BROWSER_ALL_PAGES === '1';

export const CHROMIUM = process.env.TUOYU_CHROMIUM || '/usr/bin/chromium';
export const NGINX = process.env.TUOYU_NGINX || '/usr/sbin/nginx';
export const NGINX_MIME_TYPES = '/etc/nginx/mime.types';
export const JAVA = process.env.TUOYU_JAVA || 'java';
export const VNU_JAR = join(BROWSER_DIR, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
export const AXE_JS = join(BROWSER_DIR, 'node_modules', 'axe-core', 'axe.min.js');

// The sub-path the site is served under, as on a real host that publishes it beside other content.
export const SUB_PATH = '/tuoyu/';

// The viewports of the checks: a small phone and a laptop.
export const VIEWPORTS = [
  { name: 'mobile', width: 375, height: 812 },
  { name: 'desktop', width: 1280, height: 800 },
];
