/** Shared by the census tests: the schema, the sample return, and offline XSD validation. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XmlDocument, XmlLibError, XsdValidator } from "libxml2-wasm";

export const SCHEMA_PATH = join(__dirname, "..", "..", "schemas", "csww", "csww-census-2022.xsd");
export const SAMPLE_PATH = join(__dirname, "fixtures", "csww-sample-return-2022.xml");
export const schemaText = readFileSync(SCHEMA_PATH, "utf8");
export const sampleText = readFileSync(SAMPLE_PATH, "utf8");

/** Validates XML text against the 2022 CSWW schema with libxml2 (WebAssembly, offline). */
export function validateCensus(xml: string): { valid: boolean; errors: string[] } {
  const schemaDoc = XmlDocument.fromString(schemaText);
  const validator = XsdValidator.fromDoc(schemaDoc);
  let doc: XmlDocument | undefined;
  try {
    doc = XmlDocument.fromString(xml);
    validator.validate(doc);
    return { valid: true, errors: [] };
  } catch (err) {
    if (!(err instanceof XmlLibError)) throw err;
    const details = err.details ?? [];
    return {
      valid: false,
      errors:
        details.length > 0
          ? details.map((d) => `line ${d.line}: ${String(d.message).trim()}`)
          : [err.message],
    };
  } finally {
    doc?.dispose();
    validator.dispose();
    schemaDoc.dispose();
  }
}
