#!/usr/bin/env node
/**
 * Serves the built workbench (dist-workbench/) on this machine only (127.0.0.1). Static files,
 * no uploads, no other routes. Usage: node scripts/serve-workbench.js [--port 8080]
 */
"use strict";
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.join(__dirname, "..", "dist-workbench");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".map": "application/json",
  ".png": "image/png",
};

function serve(port = 8080, host = "127.0.0.1") {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const rel = decodeURIComponent(url.pathname === "/" ? "/index.html" : url.pathname);
    const file = path.join(ROOT, path.normalize(rel));
    if (
      !file.startsWith(ROOT) ||
      !fs.existsSync(file) ||
      !fs.statSync(file).isFile() ||
      req.method !== "GET"
    ) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (require.main === module) {
  if (!fs.existsSync(path.join(ROOT, "index.html"))) {
    console.error("workbench: not built yet; run npm run demo (or npm run build:workbench)");
    process.exit(2);
  }
  const i = process.argv.indexOf("--port");
  const port = i > 0 ? Number(process.argv[i + 1]) : Number(process.env.PORT ?? 8080);
  serve(port).then(() =>
    console.log(`Workforce Scrutiny workbench: http://127.0.0.1:${port}/ (Ctrl+C to stop)`)
  );
}

module.exports = { serve, ROOT };
