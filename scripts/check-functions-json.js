#!/usr/bin/env node
/**
 * Fails the build when dist/functions.json is missing or incomplete. custom-functions-metadata
 * can report "Errors found" yet exit 0 and write no file, so the build checks its output:
 * the file exists, lists functions, and every function and parameter has a description
 * (Excel shows them in autocomplete and the Insert Function dialog).
 *
 *   node scripts/check-functions-json.js [dist/functions.json]
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");

/**
 * @param {unknown} metadata the parsed functions.json
 * @returns {string[]} the problems found (empty when the metadata is complete)
 */
function checkFunctionsMetadata(metadata) {
  const problems = [];
  const functions = metadata && Array.isArray(metadata.functions) ? metadata.functions : null;
  if (!functions) return ['it has no "functions" array'];
  if (functions.length === 0) return ["it lists no functions"];
  const seen = new Set();
  for (const fn of functions) {
    const name = fn && fn.id ? fn.id : "(function without an id)";
    if (!fn || !fn.id || !fn.name) problems.push(`${name}: missing id or name`);
    if (seen.has(name)) problems.push(`${name}: listed twice`);
    seen.add(name);
    if (!fn || typeof fn.description !== "string" || fn.description.trim() === "") {
      problems.push(`${name}: no description`);
    }
    for (const param of (fn && fn.parameters) || []) {
      if (typeof param.description !== "string" || param.description.trim() === "") {
        problems.push(`${name}: parameter ${param.name || "(unnamed)"} has no description`);
      }
    }
  }
  return problems;
}

function main(argv) {
  const file = path.resolve(argv[0] || path.join(__dirname, "..", "dist", "functions.json"));
  const shown = path.relative(process.cwd(), file) || file;
  if (!fs.existsSync(file)) {
    console.error(
      `check-functions-json: ${shown} is missing: custom-functions-metadata did not write it ` +
        `(look for "Errors found" or JSDoc errors in the webpack output above).`
    );
    return 1;
  }
  let metadata;
  try {
    metadata = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    console.error(`check-functions-json: ${shown} is not valid JSON: ${err.message}`);
    return 1;
  }
  const problems = checkFunctionsMetadata(metadata);
  if (problems.length > 0) {
    console.error(`check-functions-json: ${shown} is incomplete:`);
    for (const problem of problems) console.error(`  ${problem}`);
    return 1;
  }
  const ids = metadata.functions.map((fn) => fn.id);
  console.log(`${shown}: ${ids.length} functions, all described (${ids.join(", ")})`);
  return 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}

module.exports = { checkFunctionsMetadata };
