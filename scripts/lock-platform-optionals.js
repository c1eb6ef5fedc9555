#!/usr/bin/env node
/**
 * The npm registry reachable here does not serve some platform-only optional packages (e.g.
 * @rollup/rollup-android-arm64), so `npm install` leaves them out of package-lock.json and
 * `npm ci` then refuses the lock ("Missing: … from lock file"). This adds a lock entry for each
 * missing optional dependency with the os/cpu/libc its name states, so `npm ci` skips it on
 * this platform exactly as it would with the registry's own metadata. Run after `npm install`.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const LOCK = path.join(__dirname, "..", "package-lock.json");
const OS = [
  "android",
  "darwin",
  "freebsd",
  "linux",
  "openbsd",
  "openharmony",
  "win32",
  "sunos",
  "aix",
  "netbsd",
];
const CPU = ["arm64", "arm", "x64", "ia32", "loong64", "ppc64", "riscv64", "s390x", "mips64el"];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  if (!os || !cpu) return null;
  const libc = parts.some((p) => p.startsWith("musl"))
    ? "musl"
    : parts.some((p) => p.startsWith("gnu")) && os === "linux"
      ? "glibc"
      : null;
  return { os, cpu, libc };
}

const lock = JSON.parse(fs.readFileSync(LOCK, "utf8"));
const added = [];
for (const [where, pkg] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || lock.packages[`${where}/${key}`]) continue;
    const platform = platformOf(name);
    if (!platform)
      throw new Error(
        `${name} (optional dependency of ${where || "the project"}) is missing from the lock and its platform cannot be read from its name`
      );
    lock.packages[key] = {
      version,
      cpu: [platform.cpu],
      ...(pkg.dev ? { dev: true } : {}),
      ...(platform.libc ? { libc: [platform.libc] } : {}),
      optional: true,
      os: [platform.os],
    };
    added.push(name);
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === "" ? -1 : b === "" ? 1 : a.localeCompare(b)
  )
);
fs.writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  added.length
    ? `added ${added.length} platform-only optional packages to the lock: ${added.join(", ")}`
    : "lock already complete"
);
