/**
 * The response headers every hosting configuration in deploy/ must give, per file of the built
 * add-in. One table, checked against IIS's web.config, Azure Static Web Apps'
 * staticwebapp.config.json and nginx (tests/deploy/hosting.test.ts).
 */
import { expect } from "vitest";

export interface Expected {
  path: string;
  type: RegExp;
  /** Excel on the web fetches functions.json and functions.js from another origin. */
  cors: boolean;
  cache: RegExp;
}

const NO_CACHE = /^no-cache$/;

export const EXPECTED: Expected[] = [
  { path: "functions.json", type: /^application\/json/, cors: true, cache: NO_CACHE },
  { path: "functions.js", type: /^(text|application)\/javascript/, cors: true, cache: NO_CACHE },
  { path: "taskpane.html", type: /^text\/html/, cors: false, cache: NO_CACHE },
  { path: "help.html", type: /^text\/html/, cors: false, cache: NO_CACHE },
  { path: "taskpane.js", type: /^(text|application)\/javascript/, cors: false, cache: NO_CACHE },
  { path: "taskpane.css", type: /^text\/css/, cors: false, cache: NO_CACHE },
  { path: "manifest.xml", type: /^(application|text)\/xml/, cors: false, cache: NO_CACHE },
  { path: "taskpane.js.map", type: /^application\/json/, cors: false, cache: NO_CACHE },
  {
    path: "assets/icon-32.png",
    type: /^image\/png$/,
    cors: false,
    cache: /^public, ?max-age=86400$/,
  },
];

/** Headers as lower-case names; checks one file's against the table. */
export function expectHeaders(e: Expected, headers: Record<string, string | undefined>): void {
  const where = e.path;
  expect(headers["content-type"], `${where}: Content-Type`).toMatch(e.type);
  expect(headers["cache-control"], `${where}: Cache-Control`).toMatch(e.cache);
  if (e.cors) expect(headers["access-control-allow-origin"], `${where}: CORS`).toBe("*");
  else expect(headers["access-control-allow-origin"], `${where}: CORS`).toBeUndefined();
  expect(headers["x-content-type-options"], `${where}: nosniff`).toBe("nosniff");
  // Excel on the web frames the task pane: nothing may forbid that.
  expect(headers["x-frame-options"], `${where}: X-Frame-Options`).toBeUndefined();
  expect(headers["content-security-policy"] ?? "", `${where}: frame-ancestors`).not.toMatch(
    /frame-ancestors/
  );
}
