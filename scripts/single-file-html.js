/**
 * The single-file workbench: one .html file holding the workbench's one script, its style sheet
 * and its licence notices, under a Content-Security-Policy that allows nothing but that script and
 * that style sheet, each by its SHA-256 hash (no 'unsafe-inline', no 'self': a page opened from
 * disk has an opaque origin, and on an intranet 'self' would allow the server's other files).
 *
 * SingleFileHtmlPlugin runs after webpack has minified the bundle (which must be a single chunk:
 * see webpack.workbench-single.js), replaces every asset with the one .html file, and fails the
 * build if the file it wrote holds an inline script or style whose hash its policy does not list.
 */
"use strict";

const crypto = require("node:crypto");
const fs = require("node:fs");

const NAME = "SingleFileHtmlPlugin";

/** The CSP source for an inline element's text: the browser hashes its UTF-8 bytes as parsed. */
function cspHash(text) {
  return `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * An empty <style> element. FluentProvider adds one and fills it through the CSSOM (insertRule,
 * which no policy governs); blocked, it is harmless (the theme's variables are also set on the
 * root element: src/taskpane/app/csp-styles.ts) but the browser reports a violation each time.
 * Allowing an empty element lets no text in: only a script can fill it, and only ours runs.
 */
const EMPTY_STYLE = cspHash("");

/** The page's policy: its own inline script and style sheet, and data: for the empty favicon. */
function singleFilePolicy({ scriptHashes, styleHashes }) {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.join(" ")}`,
    `style-src ${styleHashes.join(" ")}`,
    "img-src data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * Why `text` cannot go between <tag> and </tag> unchanged, or null. The HTML parser ends a script
 * at the first "</script" (and "<!--" changes how it looks for it), a style at the first
 * "</style", and turns CR LF into LF, which would change the text the browser hashes.
 * Terser already writes "<\/script" and "\x3C!--" inside strings.
 */
function inlineTextProblem(tag, text) {
  const lower = text.toLowerCase();
  if (lower.includes(`</${tag}`)) return `it contains "</${tag}"`;
  if (tag === "script" && lower.includes("<!--")) return 'it contains "<!--"';
  if (text.includes("\r")) return "it contains a carriage return";
  if (text.includes("\0")) return "it contains a NUL character";
  return null;
}

/** Text as an HTML comment: "--" may not appear inside one. */
function htmlComment(text) {
  return `<!--\n${text.replace(/--/g, "- -").trim()}\n-->`;
}

/**
 * Replaces `pattern` in `html`, which must match exactly once (the template changed otherwise).
 */
function replaceOnce(html, pattern, replacement, what) {
  const found = html.match(new RegExp(pattern.source, "g")) ?? [];
  if (found.length !== 1)
    throw new Error(`${NAME}: expected one ${what} in the template, found ${found.length}`);
  return html.replace(pattern, () => replacement);
}

/**
 * The single file from the served page's template: its policy meta tag and its style sheet link
 * are replaced by the inline policy and style sheet, and the script goes at the end of the body.
 */
function singleFileHtml({ template, script: code, css, licences }) {
  // Terser escapes "<!--" in strings but not in regular expression literals (the census reader
  // matches XML comments with one). "\x3C" is "<" in a string, a template and a regular
  // expression alike, and "<!--" appears nowhere else in minified code.
  const script = code.replace(/<!--/g, "\\x3C!--");
  for (const [tag, text] of [
    ["script", script],
    ["style", css],
  ]) {
    const problem = inlineTextProblem(tag, text);
    if (problem) throw new Error(`${NAME}: the ${tag} cannot be inlined: ${problem}`);
  }
  const policy = singleFilePolicy({
    scriptHashes: [cspHash(script)],
    styleHashes: [cspHash(css), EMPTY_STYLE],
  });
  let html = replaceOnce(
    template,
    /<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/?>/,
    `<meta http-equiv="Content-Security-Policy" content="${policy}" />`,
    "Content-Security-Policy meta tag"
  );
  html = replaceOnce(
    html,
    /<link\s+rel="stylesheet"\s+href="[^"]*"\s*\/?>/,
    `<style>${css}</style>`,
    "style sheet link"
  );
  html = replaceOnce(html, /<\/body>/, `<script>${script}</script>\n  </body>`, "</body>");
  if (licences) html = html.replace(/^(<!doctype html>\n?)/i, `$1${htmlComment(licences)}\n`);
  return html;
}

/** Directive name → its sources, from a policy string. */
function parsePolicy(policy) {
  return Object.fromEntries(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources])
  );
}

/**
 * What is wrong with a single file's policy, as a list of sentences (empty when nothing is):
 * every inline script and style sheet must be allowed by its hash, and nothing else may load.
 */
function policyProblems(html) {
  const problems = [];
  const metas = [
    ...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi),
  ];
  if (metas.length !== 1)
    return [`expected one Content-Security-Policy meta tag, found ${metas.length}`];
  const policy = parsePolicy(metas[0][1]);
  if (String(policy["default-src"]) !== "'none'") problems.push("default-src is not 'none'");
  for (const [directive, sources] of Object.entries(policy))
    for (const source of sources)
      if (/^'unsafe-|^'self'$|^\*$|^https?:|^blob:$|^filesystem:$/i.test(source))
        problems.push(`${directive} allows ${source}`);

  const check = (tag, directive) => {
    const allowed = new Set(policy[directive] ?? []);
    const pattern = new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}\\s*>`, "gi");
    let count = 0;
    for (const [, attributes, text] of html.matchAll(pattern)) {
      count++;
      if (/\bsrc\s*=/i.test(attributes))
        problems.push(`a <${tag}> loads a file: ${attributes.trim()}`);
      else if (!allowed.has(cspHash(text)))
        problems.push(`the hash of inline <${tag}> number ${count} is not in ${directive}`);
    }
    return count;
  };
  if (check("script", "script-src") === 0) problems.push("the file holds no script");
  check("style", "style-src");
  for (const [, attributes] of html.matchAll(/<link\b([^>]*)>/gi)) {
    const href = /\bhref\s*=\s*"([^"]*)"/i.exec(attributes)?.[1] ?? "";
    if (!href.startsWith("data:")) problems.push(`a <link> loads a file: ${attributes.trim()}`);
  }
  return problems;
}

class SingleFileHtmlPlugin {
  /** @param {{ template: string, css: string, filename: string }} options paths and the output name */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        // After minifying and extracting the licence comments.
        { name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const names = Object.keys(assets);
          const scripts = names.filter((n) => n.endsWith(".js"));
          if (scripts.length !== 1) {
            compilation.errors.push(
              new Error(`${NAME}: expected one script to inline, found: ${scripts.join(", ")}`)
            );
            return;
          }
          const text = (name) => assets[name].source().toString();
          const script = text(scripts[0])
            .replace(/^\/\*! For license information please see [^*]*\*\/\n?/, "")
            .replace(/\n\/\/# sourceMappingURL=\S*\s*$/, "");
          const licences = names
            .filter((n) => n.endsWith(".LICENSE.txt"))
            .map(text)
            .join("\n");
          compilation.fileDependencies.add(this.options.template);
          compilation.fileDependencies.add(this.options.css);
          let html;
          try {
            html = singleFileHtml({
              template: fs.readFileSync(this.options.template, "utf8"),
              css: fs.readFileSync(this.options.css, "utf8").replace(/\r\n?/g, "\n"),
              script,
              licences,
            });
          } catch (e) {
            compilation.errors.push(e);
            return;
          }
          for (const name of names) compilation.deleteAsset(name);
          // Marked minimized: a minimizer that rewrote the inline text would break its hashes.
          compilation.emitAsset(this.options.filename, new sources.RawSource(html), {
            minimized: true,
          });
        }
      );
      // The check runs on the file as it will be written, after every other plugin.
      compilation.hooks.afterProcessAssets.tap(NAME, (assets) => {
        const asset = assets[this.options.filename];
        if (!asset) return;
        const problems = policyProblems(asset.source().toString());
        if (problems.length > 0)
          compilation.errors.push(
            new Error(`${NAME}: ${this.options.filename}: ${problems.join("; ")}`)
          );
      });
    });
  }
}

module.exports = {
  SingleFileHtmlPlugin,
  cspHash,
  inlineTextProblem,
  policyProblems,
  singleFileHtml,
};
