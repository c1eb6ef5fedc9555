/**
 * What the production build changes for a deployment, as plain functions (webpack.config.js
 * calls them; tests/deploy/ tests them):
 *
 *   checkBaseUrl          ADDIN_BASE_URL must be https, end in "/", and not be this machine
 *   manifestVersion       package.json's "1.2.3" as the manifest's four-part "1.2.3.0"
 *   deploymentManifest    manifest.xml with every URL under the base and the version set
 *   deploymentFunctions   functions.json with each function's helpUrl: <base>help.html#<anchor>
 *
 * Without ADDIN_BASE_URL the build is the development build: every URL stays
 * https://localhost:3000/ (what `npm start` serves).
 */
"use strict";

const { URL } = require("node:url");
const { functionAnchor } = require("./function-docs.js");

const DEV_URL = "https://localhost:3000/";

const EXAMPLE = "e.g. ADDIN_BASE_URL=https://addins.example.gov.uk/workforce/";

/** Hosts that are this machine: a deployment served from them works for nobody else. */
function isLocalHost(hostname) {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "::1" ||
    host === "0.0.0.0" ||
    /^127\.\d+\.\d+\.\d+$/.test(host)
  );
}

/**
 * The base URL the add-in will be served from, checked.
 * @param {string} raw the value of ADDIN_BASE_URL
 * @returns {string} the URL, unchanged
 * @throws {Error} with one line saying what is wrong and what to write instead
 */
function checkBaseUrl(raw) {
  const value = String(raw ?? "").trim();
  const fail = (why) => {
    throw new Error(`ADDIN_BASE_URL "${value}" ${why} (${EXAMPLE})`);
  };
  let url;
  try {
    url = new URL(value);
  } catch {
    return fail("is not a URL");
  }
  if (url.protocol !== "https:")
    fail("must start with https:// (Office loads add-ins only over HTTPS)");
  if (url.username || url.password) fail("must not contain a user name or password");
  if (url.search || url.hash) fail("must not have a ?query or #fragment");
  if (!value.endsWith("/")) fail("must end with a slash");
  if (isLocalHost(url.hostname))
    fail("names this machine, which other people's Excel cannot reach");
  return value;
}

/**
 * The manifest's <Version> (four numbers) from package.json's version.
 * @param {string} packageVersion e.g. "0.1.0"
 */
function manifestVersion(packageVersion) {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:\.(\d+))?$/.exec(String(packageVersion));
  if (!m)
    throw new Error(
      `package.json version "${packageVersion}" is not n.n.n: the manifest's Version needs numbers only`
    );
  return [m[1], m[2], m[3], m[4] ?? "0"].map(Number).join(".");
}

/**
 * The manifest to deploy: development URLs replaced by the base, <Version> from package.json.
 * Fails if any URL is left outside the base (a URL someone added without the development
 * prefix would otherwise ship pointing at the wrong server).
 * @param {string} xml manifest.xml's text
 * @param {{ baseUrl?: string, version: string }} options baseUrl absent: the development URLs stay
 */
function deploymentManifest(xml, { baseUrl, version }) {
  const base = baseUrl ?? DEV_URL;
  const out = xml
    .split(DEV_URL)
    .join(base)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(version)}</Version>`);
  const urls = [...out.matchAll(/DefaultValue="(https?:[^"]*)"/g)].map((m) => m[1]);
  const outside = urls.filter((u) => !u.startsWith(base));
  if (outside.length > 0)
    throw new Error(`manifest.xml: URLs not under ${base}: ${outside.join(", ")}`);
  return out;
}

/**
 * functions.json to deploy: each function's helpUrl is its section of the help page, so Excel's
 * formula autocomplete and Insert Function dialog link to it.
 * @param {string} json functions.json as custom-functions-metadata wrote it
 * @param {{ baseUrl?: string }} options baseUrl absent: the development server
 */
function deploymentFunctions(json, { baseUrl }) {
  const base = baseUrl ?? DEV_URL;
  const metadata = JSON.parse(json);
  for (const f of metadata.functions) f.helpUrl = `${base}help.html#${functionAnchor(f.id)}`;
  return metadata;
}

module.exports = {
  DEV_URL,
  checkBaseUrl,
  manifestVersion,
  deploymentManifest,
  deploymentFunctions,
};
