/**
 * The hosting configurations in deploy/ give each built file the headers Excel needs
 * (tests/deploy/headers.ts). nginx is run for real when it is installed (Debian: nginx-light),
 * serving a folder laid out like dist/ at the site's root and under /workforce/; IIS and Azure
 * Static Web Apps cannot run here, so their files are parsed and their documented rules applied
 * (IIS: <location> adds to the site's customHeaders, clientCache sets Cache-Control; SWA: the
 * first matching route wins and its headers are added to globalHeaders).
 */
import { spawn, type ChildProcess } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, extname, join } from "node:path";
import { XmlDocument } from "libxml2-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPECTED, expectHeaders } from "./headers";

const DEPLOY = join(__dirname, "..", "..", "deploy");
const read = (file: string) => readFileSync(join(DEPLOY, file), "utf8");

describe("IIS (deploy/web.config)", () => {
  const doc = XmlDocument.fromString(read("web.config"));
  afterAll(() => doc.dispose());
  const all = (xpath: string) => doc.find(xpath);

  /** A collection after its <remove>/<add> entries, in order, keyed by `key`. */
  function collection(parent: string, key: string, value: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const node of all(`${parent}/*`)) {
      const el = node as unknown as { name: string; attr(n: string): { value: string } | null };
      const k = el.attr(key)?.value.toLowerCase();
      if (el.name === "clear") out.clear();
      else if (k && el.name === "remove") out.delete(k);
      else if (k && el.name === "add") out.set(k, el.attr(value)!.value);
      else if (k && el.name === "mimeMap") out.set(k, el.attr(value)!.value);
    }
    return out;
  }

  function cacheControl(scope: string): string | undefined {
    const node = all(`${scope}/system.webServer/staticContent/clientCache`)[0] as unknown as
      { attr(n: string): { value: string } | null } | undefined;
    if (!node) return undefined;
    const mode = node.attr("cacheControlMode")?.value;
    if (mode === "DisableCache") return "no-cache";
    if (mode === "UseMaxAge") {
      const [days, time] = node.attr("cacheControlMaxAge")!.value.split(".");
      const [h, m, s] = time.split(":").map(Number);
      const seconds = Number(days) * 86400 + h * 3600 + m * 60 + s;
      const custom = node.attr("cacheControlCustom")?.value;
      return [custom, `max-age=${seconds}`].filter(Boolean).join(", ");
    }
    return undefined;
  }

  function headersFor(path: string): Record<string, string> {
    const site = "/configuration";
    const types = collection(`${site}/system.webServer/staticContent`, "fileExtension", "mimeType");
    const headers = collection(
      `${site}/system.webServer/httpProtocol/customHeaders`,
      "name",
      "value"
    );
    let cache = cacheControl(site);
    for (const loc of all(`${site}/location`)) {
      const at = (loc as unknown as { attr(n: string): { value: string } }).attr("path").value;
      if (path !== at && !path.startsWith(`${at}/`)) continue;
      const scope = `${site}/location[@path="${at}"]`;
      for (const [k, v] of collection(
        `${scope}/system.webServer/httpProtocol/customHeaders`,
        "name",
        "value"
      ))
        headers.set(k, v);
      cache = cacheControl(scope) ?? cache;
    }
    return {
      ...Object.fromEntries(headers),
      "content-type": types.get(extname(path))!,
      ...(cache ? { "cache-control": cache } : {}),
    };
  }

  it.each(EXPECTED)("$path", (e) => expectHeaders(e, headersFor(e.path)));

  it("removes an X-Frame-Options or CSP header the server would add", () => {
    const removed = all("/configuration/system.webServer/httpProtocol/customHeaders/remove").map(
      (n) => (n as unknown as { attr(n: string): { value: string } }).attr("name").value
    );
    expect(removed).toEqual(expect.arrayContaining(["X-Frame-Options", "Content-Security-Policy"]));
  });
});

describe("Azure Static Web Apps (deploy/staticwebapp.config.json)", () => {
  interface Route {
    route: string;
    headers?: Record<string, string>;
    statusCode?: number;
  }
  const config = JSON.parse(read("staticwebapp.config.json")) as {
    routes: Route[];
    globalHeaders: Record<string, string>;
    mimeTypes: Record<string, string>;
  };
  const lower = (h: Record<string, string> = {}) =>
    Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

  function routeFor(path: string): Route | undefined {
    const url = `/${path}`;
    return config.routes.find((r) =>
      r.route.endsWith("*") ? url.startsWith(r.route.slice(0, -1)) : url === r.route
    );
  }

  function headersFor(path: string): Record<string, string> {
    return {
      ...lower(config.globalHeaders),
      ...lower(routeFor(path)?.headers),
      "content-type": config.mimeTypes[extname(path)],
    };
  }

  it.each(EXPECTED)("$path", (e) => expectHeaders(e, headersFor(e.path)));

  it("does not serve IIS's configuration file", () => {
    expect(routeFor("web.config")?.statusCode).toBe(404);
  });
});

const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));

describe("nginx (deploy/nginx.conf)", () => {
  const snippet = read("nginx.conf");
  const directives = snippet.replace(/#.*$/gm, "");

  it("sends no X-Frame-Options or frame-ancestors, and CORS on functions.json and functions.js", () => {
    expect(directives).not.toMatch(/X-Frame-Options|frame-ancestors/i);
    const cors =
      /location ~ ([^\s{]+) \{[^}]*add_header Access-Control-Allow-Origin "\*" always;/.exec(
        directives
      );
    expect(cors).not.toBeNull();
    const pattern = new RegExp(cors![1]);
    expect(
      ["/functions.json", "/functions.js", "/x/functions.js"].every((p) => pattern.test(p))
    ).toBe(true);
    expect(pattern.test("/taskpane.js")).toBe(false);
  });

  describe.skipIf(!NGINX)("served by nginx", () => {
    const work = mkdtempSync(join(tmpdir(), "wfs-nginx-"));
    const site = join(work, "site");
    let nginx: ChildProcess | undefined;
    let port = 0;

    const freePort = () =>
      new Promise<number>((resolve) => {
        const server = createServer().listen(0, "127.0.0.1", () => {
          const p = (server.address() as { port: number }).port;
          server.close(() => resolve(p));
        });
      });

    beforeAll(async () => {
      chmodSync(work, 0o755); // nginx's workers run as another user when started as root
      for (const e of EXPECTED) {
        mkdirSync(dirname(join(site, e.path)), { recursive: true });
        writeFileSync(join(site, e.path), `content of ${e.path}\n`);
      }
      writeFileSync(join(site, "web.config"), "<configuration/>");
      writeFileSync(join(work, "workforce.conf"), snippet);
      port = await freePort();
      const mimeTypes = ["/etc/nginx/mime.types"].find((p) => existsSync(p));
      const temp = (name: string) => `${name} ${join(work, name)};`;
      writeFileSync(
        join(work, "nginx.conf"),
        `daemon off;
worker_processes 1;
pid ${join(work, "nginx.pid")};
error_log ${join(work, "error.log")};
events {}
http {
  ${mimeTypes ? `include ${mimeTypes};` : ""}
  default_type application/octet-stream;
  access_log off;
  ${["client_body_temp_path", "proxy_temp_path", "fastcgi_temp_path", "uwsgi_temp_path", "scgi_temp_path"].map(temp).join("\n  ")}
  server {
    listen 127.0.0.1:${port};
    root ${site};
    include ${join(work, "workforce.conf")};
    location /workforce/ {
      alias ${site}/;
      include ${join(work, "workforce.conf")};
    }
  }
}
`
      );
      nginx = spawn(NGINX!, ["-p", work, "-c", join(work, "nginx.conf")], { stdio: "ignore" });
      for (let i = 0; i < 100; i++) {
        try {
          await fetch(`http://127.0.0.1:${port}/`);
          return;
        } catch {
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      throw new Error(`nginx did not start: ${readFileSync(join(work, "error.log"), "utf8")}`);
    }, 20_000);

    afterAll(() => {
      nginx?.kill();
    });

    const get = async (path: string) => {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => (headers[name] = value));
      return { status: res.status, headers };
    };

    it.each(EXPECTED)("$path, at the site's root and under /workforce/", async (e) => {
      for (const prefix of ["/", "/workforce/"]) {
        const { status, headers } = await get(`${prefix}${e.path}`);
        expect(status, `${prefix}${e.path}`).toBe(200);
        expectHeaders({ ...e, path: `${prefix}${e.path}` }, headers);
      }
    });

    it("does not serve IIS's configuration file", async () => {
      expect((await get("/web.config")).status).toBe(404);
      expect((await get("/workforce/web.config")).status).toBe(404);
    });
  });
});
