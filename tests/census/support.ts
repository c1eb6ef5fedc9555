/** Shared by the census tests: the schema, the sample return, and offline XSD validation. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XmlDocument, XmlElement, XmlLibError, XsdValidator } from "libxml2-wasm";

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

/**
 * A return as libxml2 reads it (an independent, conforming parser): the LA-level items' text and
 * each worker's items in file order, as trimmed text.
 */
export function censusByLibxml(xml: string | Uint8Array): {
  la: Record<"NumberOfVacancies" | "NoAgencyFTE" | "NoAgencyHeadcount", string | null>;
  workers: Record<string, string[]>[];
} {
  const doc = typeof xml === "string" ? XmlDocument.fromString(xml) : XmlDocument.fromBuffer(xml);
  try {
    const text = (path: string) => {
      const found = doc.find(path);
      return found.length ? found[0].content.trim() : null;
    };
    const la = {
      NumberOfVacancies: text("/Message/LALevelVacancies/NumberOfVacancies"),
      NoAgencyFTE: text("/Message/LALevelVacancies/NoAgencyFTE"),
      NoAgencyHeadcount: text("/Message/LALevelVacancies/NoAgencyHeadcount"),
    };
    const workers = doc.find("/Message/CSWWWorker").map((w) => {
      const items: Record<string, string[]> = {};
      for (const item of w.find("*"))
        (items[(item as XmlElement).name] ??= []).push(item.content.trim());
      return items;
    });
    return { la, workers };
  } finally {
    doc.dispose();
  }
}
