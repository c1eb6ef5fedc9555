#!/usr/bin/env node
/**
 * Validates an Office add-in XML manifest OFFLINE against Microsoft's manifest schemas kept in
 * schemas/office-manifest/ (OfficeAppManifestV1_1.xsd and the schemas it imports), using
 * libxml2 compiled to WebAssembly (libxml2-wasm): no network, no native build.
 *
 *   node scripts/validate-manifest.js [manifest.xml]
 *
 * Microsoft's online service (`npm run validate:online`) remains the final word when a network
 * exists; this catches structural errors (wrong element order, missing or unknown elements,
 * bad attribute values) in tests and CI.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const SCHEMA_DIR = path.resolve(__dirname, "..", "schemas", "office-manifest");
const ROOT_SCHEMA = "OfficeAppManifestV1_1.xsd";

let libxmlPromise;

/** Loads libxml2-wasm (an ES module) once, and lets it read the imported XSDs from disk. */
function loadLibxml() {
  if (!libxmlPromise) {
    libxmlPromise = Promise.all([
      import("libxml2-wasm"),
      import("libxml2-wasm/lib/nodejs.mjs"),
    ]).then(([libxml, nodejs]) => {
      nodejs.xmlRegisterFsInputProviders();
      return libxml;
    });
  }
  return libxmlPromise;
}

function describe(details, fallback, label) {
  if (!details || details.length === 0) return [fallback];
  return details.map((d) => {
    const where = d.line ? `${label}:${d.line}${d.col ? `:${d.col}` : ""}` : label;
    return `${where}: ${String(d.message).trim()}`;
  });
}

/**
 * Validates manifest XML text against the Office add-in manifest schemas.
 * @param {string} xml the manifest's text
 * @param {{ label?: string, schemaDir?: string }} [options] label names the manifest in messages
 * @returns {Promise<{ valid: boolean, errors: string[] }>}
 */
async function validateManifestXml(xml, options = {}) {
  const label = options.label || "manifest.xml";
  const schemaDir = options.schemaDir || SCHEMA_DIR;
  const { XmlDocument, XsdValidator, XmlLibError } = await loadLibxml();

  const schemaPath = path.join(schemaDir, ROOT_SCHEMA);
  let schemaDoc;
  let validator;
  let doc;
  try {
    // The URL lets libxml2 resolve the schema's <xs:import schemaLocation="…"> next to it.
    schemaDoc = XmlDocument.fromBuffer(fs.readFileSync(schemaPath), { url: schemaPath });
    validator = XsdValidator.fromDoc(schemaDoc);
  } catch (err) {
    const details = err instanceof XmlLibError ? err.details : undefined;
    throw new Error(
      `Could not load the manifest schemas from ${schemaDir}:\n` +
        describe(details, String(err && err.message), ROOT_SCHEMA).join("\n")
    );
  }
  try {
    try {
      doc = XmlDocument.fromString(xml, { url: label });
    } catch (err) {
      const details = err instanceof XmlLibError ? err.details : undefined;
      return { valid: false, errors: describe(details, `${label}: not well-formed XML`, label) };
    }
    try {
      validator.validate(doc);
      return { valid: true, errors: [] };
    } catch (err) {
      if (!(err instanceof XmlLibError)) throw err;
      return { valid: false, errors: describe(err.details, `${label}: ${err.message}`, label) };
    }
  } finally {
    if (doc) doc.dispose();
    validator.dispose();
    schemaDoc.dispose();
  }
}

/**
 * Validates a manifest file against the Office add-in manifest schemas.
 * @param {string} manifestPath path to manifest.xml
 * @param {{ schemaDir?: string }} [options]
 * @returns {Promise<{ valid: boolean, errors: string[] }>}
 */
async function validateManifest(manifestPath, options = {}) {
  const xml = fs.readFileSync(manifestPath, "utf8");
  return validateManifestXml(xml, { ...options, label: path.basename(manifestPath) });
}

async function main(argv) {
  const manifestPath = argv[0] || "manifest.xml";
  if (!fs.existsSync(manifestPath)) {
    console.error(`validate-manifest: ${manifestPath} not found`);
    return 1;
  }
  const name = path.basename(manifestPath);
  const result = await validateManifest(manifestPath);
  if (result.valid) {
    console.log(`${name} is valid against the Office add-in manifest schemas (offline)`);
    return 0;
  }
  console.error(`${name} is NOT valid against the Office add-in manifest schemas:`);
  for (const error of result.errors) console.error(`  ${error}`);
  return 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(`validate-manifest: ${err && err.stack ? err.stack : err}`);
      process.exitCode = 1;
    }
  );
}

module.exports = { validateManifest, validateManifestXml, SCHEMA_DIR };
