/**
 * The built pages the browser and security tests read, each built at most once per run. Test
 * files run in parallel workers, so a build holds a lock folder while it writes: another worker
 * waits for it rather than reading a half-written file or cleaning the folder under it. An output
 * already present (from `npm run build`, `build:workbench`, `build:workbench:single` or an earlier
 * test) is used while it is newer than every source it is built from; an older one is rebuilt, so a
 * change to the code is never tested against yesterday's bundle.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

export const ROOT = join(__dirname, "..", "..");

export const ADDIN_PAGE = join(ROOT, "dist", "taskpane.html");
export const WORKBENCH_PAGE = join(ROOT, "dist-workbench", "index.html");
export const SINGLE_FILE_WORKBENCH = join(ROOT, "dist-workbench", "workforce-workbench.html");

const BUILDS: Record<string, string[]> = {
  [ADDIN_PAGE]: ["webpack", "--mode", "production"],
  [WORKBENCH_PAGE]: ["webpack", "--config", "webpack.workbench.js", "--mode", "production"],
  [SINGLE_FILE_WORKBENCH]: [
    "webpack",
    "--config",
    "webpack.workbench-single.js",
    "--mode",
    "production",
  ],
};

/** What the bundles are built from: a change to any of these makes a built page stale. */
const SOURCES = ["src", "examples", "assets", "manifest.xml", "package.json", "scripts", "deploy"];

function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isCurrent(page: string): boolean {
  const built = statSync(page, { throwIfNoEntry: false });
  if (!built) return false;
  const configs = readdirSync(ROOT).filter((f) => /^webpack.*\.js$/.test(f));
  const newest = Math.max(...[...SOURCES, ...configs].map((p) => newestMtime(join(ROOT, p))));
  return built.mtimeMs >= newest;
}

/** A lock older than this is taken to be left by a run that was stopped. */
const STALE_LOCK_MS = 15 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const id = createHash("sha256").update(join(ROOT, dir)).digest("hex").slice(0, 16);
  const lock = join(tmpdir(), `wfs-build-lock-${id}`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true });
      } catch {
        // Released meanwhile.
      }
      await sleep(1000);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The page's path, after building it if it is missing (minutes on a busy machine). Asynchronous,
 * so the test worker keeps answering Vitest meanwhile.
 */
export async function builtPage(page: string): Promise<string> {
  const args = BUILDS[page];
  if (!args) throw new Error(`no build is known for ${page}`);
  // One lock per output folder: the served and single-file workbench builds share dist-workbench.
  const dir = page.startsWith(join(ROOT, "dist-workbench")) ? "dist-workbench" : "dist";
  await withLock(dir, async () => {
    if (!isCurrent(page))
      await promisify(execFile)("npx", args, { cwd: ROOT, maxBuffer: 16 << 20 });
  });
  return page;
}
