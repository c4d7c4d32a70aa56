// Temporary folders and processes are registered here and removed when the test file ends, whether
// its tests passed, failed or threw, and on SIGINT/SIGTERM. nginx also dies on its own when this
// process dies (see nginx.mjs), so even a SIGKILL leaves no server behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tasks = [];      // async cleanups, run last-registered first
const tempDirs = [];   // also removed synchronously on exit, as a last resort

export function onCleanup(fn) {
  tasks.push(fn);
}

export function makeTempDir(label) {
  const dir = mkdtempSync(join(tmpdir(), `tuoyu-browser-${label}-`));
  tempDirs.push(dir);
  return dir;
}

let running = null;
export function cleanupAll() {
  if (!running) {
    running = (async () => {
      while (tasks.length) {
        const fn = tasks.pop();
        try { await fn(); } catch (err) { console.error(`cleanup: ${err.message}`); }
      }
      removeTempDirs();
    })();
  }
  return running;
}

function removeTempDirs() {
  while (tempDirs.length) {
    const dir = tempDirs.pop();
    try { rmSync(dir, { recursive: true, force: true }); } catch { /* best effort */ }
  }
}

process.on('exit', removeTempDirs);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    cleanupAll().finally(() => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));
  });
}
