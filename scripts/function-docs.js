/**
 * The WORKFORCE functions' documentation, from the same metadata as functions.json (which
 * custom-functions-metadata generates from the JSDoc in src/functions/functions.ts) plus one
 * example table (function-examples.json). Two renderings share it:
 *
 *   markdownReference  the README's function reference (scripts/function-reference.ts)
 *   helpPage           dist/help.html, written by the build; each function's helpUrl in
 *                      functions.json points at its anchor there (scripts/deployment.js)
 *
 * CommonJS, so webpack.config.js can use it as it is.
 */
"use strict";

const EXAMPLES = require("./function-examples.json");

const NAMESPACE = "WORKFORCE";

/** The help page's anchor for a function id: "VACANCYRATE" → "workforce-vacancyrate". */
function functionAnchor(id) {
  return `${NAMESPACE}-${id}`.toLowerCase();
}

/**
 * The functions as documented: name, signature, description, parameters and examples.
 * @param {{ functions: { id: string, description: string, parameters: { name: string, description: string, optional?: boolean }[] }[] }} metadata functions.json, parsed
 */
function documentedFunctions(metadata) {
  return metadata.functions.map((f) => {
    const examples = EXAMPLES[f.id];
    if (!examples)
      throw new Error(
        `no example for ${NAMESPACE}.${f.id}: add one to scripts/function-examples.json`
      );
    const args = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
    return {
      id: f.id,
      anchor: functionAnchor(f.id),
      name: `${NAMESPACE}.${f.id}`,
      signature: `${NAMESPACE}.${f.id}(${args})`,
      description: f.description,
      parameters: f.parameters,
      examples,
    };
  });
}

/** The README's reference: one section per function. */
function markdownReference(metadata) {
  return documentedFunctions(metadata)
    .map((f) =>
      [
        `### ${f.signature}`,
        "",
        f.description,
        "",
        ...f.parameters.map(
          (p) => `- \`${p.name}\`${p.optional ? " (optional)" : ""}: ${p.description}`
        ),
        "",
        ...f.examples.map((e) => `    ${e.formula}${e.result ? `   → ${e.result}` : ""}`),
        "",
      ].join("\n")
    )
    .join("\n");
}

const escapeHtml = (text) =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]
  );

/** Section ids on the help page that the manifest and the deployment guide link to. */
const HELP_SECTIONS = {
  about: "about",
  functions: "functions",
  privacy: "privacy",
  support: "support",
  accessibility: "accessibility",
};

/**
 * help.html: what the add-in does, every function with its examples, privacy, support and an
 * accessibility statement. One page, its own style sheet (help.css), no script and nothing
 * from another host; the Content-Security-Policy says so.
 * @param {object} metadata functions.json, parsed
 * @param {{ version: string }} options the add-in's version, shown at the foot
 */
function helpPage(metadata, { version }) {
  const functions = documentedFunctions(metadata);
  const fn = (f) => `
      <section class="function" aria-labelledby="${f.anchor}">
        <h3 id="${f.anchor}"><code>${escapeHtml(f.signature)}</code></h3>
        <p>${escapeHtml(f.description)}</p>
        <dl>
${f.parameters
  .map(
    (p) =>
      `          <dt><code>${escapeHtml(p.name)}</code>${p.optional ? " (optional)" : ""}</dt>\n` +
      `          <dd>${escapeHtml(p.description)}</dd>`
  )
  .join("\n")}
        </dl>
        <p class="examples-label">${f.examples.length > 1 ? "Examples" : "Example"}</p>
        <ul class="examples">
${f.examples
  .map(
    (e) =>
      `          <li><code>${escapeHtml(e.formula)}</code>${
        e.result ? ` gives ${escapeHtml(e.result)}` : ""
      }</li>`
  )
  .join("\n")}
        </ul>
      </section>`;

  return `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <!-- Nothing but this page's own style sheet and icon: no script, no other host. -->
    <meta
      http-equiv="Content-Security-Policy"
      content="default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"
    />
    <title>Workforce Scrutiny: help</title>
    <link rel="icon" type="image/png" href="assets/icon-16.png" />
    <link rel="stylesheet" href="help.css" />
  </head>
  <body>
    <a class="skip" href="#main">Skip to the help</a>
    <header>
      <p class="product">Workforce Scrutiny ${escapeHtml(version)}</p>
      <h1>Help</h1>
      <nav aria-label="On this page">
        <ul>
          <li><a href="#${HELP_SECTIONS.about}">What the add-in does</a></li>
          <li><a href="#${HELP_SECTIONS.functions}">The WORKFORCE functions</a></li>
          <li><a href="#${HELP_SECTIONS.privacy}">Privacy</a></li>
          <li><a href="#${HELP_SECTIONS.support}">Support</a></li>
          <li><a href="#${HELP_SECTIONS.accessibility}">Accessibility statement</a></li>
        </ul>
      </nav>
    </header>
    <main id="main">
      <section aria-labelledby="${HELP_SECTIONS.about}">
        <h2 id="${HELP_SECTIONS.about}">What the add-in does</h2>
        <p>
          Workforce Scrutiny computes children's social work workforce figures for English
          councils the way the Department for Education defines them, from the HR staff table an
          analyst already has.
        </p>
        <ul>
          <li>
            <strong>The WORKFORCE functions</strong>: type <code>=WORKFORCE.</code> in a cell to
            see them. Each is described below, with examples.
          </li>
          <li>
            <strong>The task pane</strong> (Home tab, Workforce Scrutiny): finds the staff table,
            shows what it understood and every problem, and builds the scrutiny summary as native
            Excel formulas, a staff-data template, a shareable copy and the CSWW census return.
          </li>
        </ul>
      </section>

      <section aria-labelledby="${HELP_SECTIONS.functions}">
        <h2 id="${HELP_SECTIONS.functions}">The WORKFORCE functions</h2>
        <p>
          The five rate functions take two numbers, or the staff table (a range including its
          header row, such as <code>Staff[#All]</code>); with the table, the second argument is
          the as-of date. Rates are fractions: format the cell as a percentage. A function shows
          <code>#N/A</code> when the data cannot give the figure and <code>#VALUE!</code> when an
          argument is wrong; hover over the cell to read why.
        </p>
        <nav aria-label="Functions">
          <ul class="function-list">
${functions
  .map((f) => `            <li><a href="#${f.anchor}"><code>${f.name}</code></a></li>`)
  .join("\n")}
          </ul>
        </nav>
${functions.map(fn).join("\n")}
      </section>

      <section aria-labelledby="${HELP_SECTIONS.privacy}">
        <h2 id="${HELP_SECTIONS.privacy}">Privacy</h2>
        <p>
          Staff data is personal, and partly special-category, data. The add-in reads only the
          workbook you have open: the ranges you pass to a function, and, in the task pane, the
          tables and sheets of that workbook. It sends nothing anywhere. It makes no network
          request while it runs, has no telemetry, and stores nothing outside the workbook: its
          column mapping and options are saved in the workbook itself. Its pages allow only their
          own files (and Microsoft's Office.js library in Excel); an automated test fails if any
          other address appears.
        </p>
        <p>
          <strong>Prepare to share</strong> makes a new workbook holding only the summary: values
          instead of formulas, no staff rows, no names or staff IDs, and document properties that
          name no person. Counts of 1 to 4 people (and percentages built on them) show as
          <code>c</code>, and a second figure is hidden where a hidden one could be worked out
          from a total.
        </p>
      </section>

      <section aria-labelledby="${HELP_SECTIONS.support}">
        <h2 id="${HELP_SECTIONS.support}">Support</h2>
        <p>
          Your council's IT service desk deployed this add-in and is the first point of contact.
          Tell them the version shown at the top of this page, the Excel you use (Windows, Mac or
          the web) and what you did. For a figure you think is wrong, include the formula and, if
          you can, a copy of the workbook with the staff rows removed. Never send staff data by
          email.
        </p>
        <p>
          If a function shows <code>#NAME?</code>, the add-in is not loaded in this Excel: ask the
          service desk whether it has been assigned to you. After an update, Excel can take up to
          a day to show new or changed functions.
        </p>
      </section>

      <section aria-labelledby="${HELP_SECTIONS.accessibility}">
        <h2 id="${HELP_SECTIONS.accessibility}">Accessibility statement</h2>
        <p>
          This statement applies to the Workforce Scrutiny add-in for Excel (its task pane and
          functions), the browser workbench (served or as one file), this help page, and the
          scrutiny summary workbooks they write. We want as many people as possible to be able
          to use them: you should be able to zoom to 400 % without text spilling off the screen,
          reach every control with a keyboard, and use them with a screen reader.
        </p>
        <h3>How accessible this product is</h3>
        <p>We know some parts are not fully accessible:</p>
        <ul>
          <li>
            Charts the add-in builds inside Excel have no alternative text of their own (Excel's
            JavaScript API cannot set it): each chart's description is a visible cell beside it.
            In workbooks written by the workbench and the command line, charts also carry their
            own alternative text.
          </li>
          <li>
            The date field uses the browser's own date control, whose format follows the
            browser's language setting rather than the region setting.
          </li>
          <li>
            At 400 % zoom the workbench's heading takes most of the first screen; it scrolls
            away with the page.
          </li>
          <li>Nothing has yet been tested with a screen reader or by a specialist auditor.</li>
        </ul>
        <h3>Feedback and contact information</h3>
        <p>
          If something is hard to use, or you need this help in another format, tell your IT
          service desk. They will pass it to the people who maintain the add-in.
        </p>
        <h3>Enforcement procedure</h3>
        <p>
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public
          Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
          If you are not happy with how your council responds to your complaint, contact the
          Equality Advisory and Support Service (EASS).
        </p>
        <h3>Compliance status</h3>
        <p>
          This product is partially compliant with the Web Content Accessibility Guidelines
          version 2.2 AA standard, due to the non-compliances listed above.
        </p>
        <h3>How we tested it</h3>
        <p>
          Automated tests run on every change. axe-core scans the workbench and task pane in
          Chromium in every state a user meets (start, sample opened, problem selected, built,
          every section open, census, template, CSV and bad input) at 1280 pixels and at
          320 × 225 pixels (400 % zoom): zero WCAG 2.0, 2.1 and 2.2 A and AA violations. A
          keyboard-only test walks from opening the sample to the built summary (Build is three
          Tab presses away) and checks every focused control is visible. The summary workbook's
          chart colours are checked for 3:1 contrast against white, and LibreOffice renders the
          summary to PDF for its print layout.
        </p>
        <h3>Preparation of this statement</h3>
        <p>This statement was prepared on 2 December 2026, from the tests above.</p>
      </section>
    </main>
    <footer>
      <p>Workforce Scrutiny ${escapeHtml(version)}. This page is part of the add-in and works without a network.</p>
    </footer>
  </body>
</html>
`;
}

module.exports = {
  EXAMPLES,
  NAMESPACE,
  HELP_SECTIONS,
  functionAnchor,
  documentedFunctions,
  markdownReference,
  helpPage,
};
