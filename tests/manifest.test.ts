import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XmlDocument } from "libxml2-wasm";
import { describe, expect, it } from "vitest";

interface ValidationResult {
  valid: boolean;
  errors: string[];
}
interface ManifestValidator {
  validateManifest(path: string): Promise<ValidationResult>;
  validateManifestXml(xml: string, options?: { label?: string }): Promise<ValidationResult>;
}

const require = createRequire(import.meta.url);
const { validateManifest, validateManifestXml } =
  require("../scripts/validate-manifest.js") as ManifestValidator;

const MANIFEST = join(__dirname, "..", "manifest.xml");
const manifestXml = readFileSync(MANIFEST, "utf8");

const NS = {
  o: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
};

/** Evaluates an XPath string expression against manifest.xml. */
function xpathString(expression: string): string {
  const doc = XmlDocument.fromString(manifestXml);
  try {
    return String(doc.eval(`string(${expression})`, NS));
  } finally {
    doc.dispose();
  }
}

/** The DefaultValue of the bt:Url or bt:String resource with this id. */
function resource(id: string): string {
  return xpathString(`//ov:Resources//*[@id="${id}"]/@DefaultValue`);
}

describe("manifest.xml", () => {
  it("is valid against the Office add-in manifest schemas (offline)", async () => {
    const result = await validateManifest(MANIFEST);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("rejects a manifest whose <Namespace> comes before <Metadata>", async () => {
    const metadata = /(\s*<Metadata>[\s\S]*?<\/Metadata>)(\s*<Namespace [^>]*\/>)/;
    expect(manifestXml).toMatch(metadata);
    const swapped = manifestXml.replace(metadata, "$2$1");
    const result = await validateManifestXml(swapped, { label: "swapped.xml" });
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/Metadata.*not expected/);
  });

  it("rejects an unknown runtime lifetime and malformed XML", async () => {
    const badLifetime = manifestXml.replace('lifetime="long"', 'lifetime="forever"');
    expect((await validateManifestXml(badLifetime)).valid).toBe(false);
    const truncated = manifestXml.slice(0, manifestXml.length / 2);
    expect((await validateManifestXml(truncated)).valid).toBe(false);
  });

  it("declares the WORKFORCE namespace for the custom functions", () => {
    const namespaceId = xpathString(
      '//ov:ExtensionPoint[@*[local-name()="type"]="CustomFunctions"]/ov:Namespace/@resid'
    );
    expect(namespaceId).toBe("Functions.Namespace");
    expect(resource(namespaceId)).toBe("WORKFORCE");
    expect(resource("Functions.Metadata.Url")).toMatch(/\/functions\.json$/);
    expect(resource("Functions.Script.Url")).toMatch(/\/functions\.js$/);
  });

  it("uses the shared runtime: one long-lived page for functions, task pane and commands", () => {
    expect(
      xpathString('/o:OfficeApp/o:Requirements/o:Sets/o:Set[@Name="SharedRuntime"]/@MinVersion')
    ).toBe("1.1");
    expect(xpathString("//ov:Runtimes/ov:Runtime/@resid")).toBe("Taskpane.Url");
    expect(xpathString("//ov:Runtimes/ov:Runtime/@lifetime")).toBe("long");
    expect(
      xpathString("//ov:AllFormFactors/ov:ExtensionPoint/ov:Page/ov:SourceLocation/@resid")
    ).toBe("Taskpane.Url");
    expect(xpathString("//ov:DesktopFormFactor/ov:FunctionFile/@resid")).toBe("Taskpane.Url");
    expect(
      xpathString('//ov:Action[@*[local-name()="type"]="ShowTaskpane"]/ov:SourceLocation/@resid')
    ).toBe("Taskpane.Url");
    expect(resource("Taskpane.Url")).toMatch(/\/taskpane\.html$/);
    expect(xpathString("/o:OfficeApp/o:DefaultSettings/o:SourceLocation/@DefaultValue")).toBe(
      resource("Taskpane.Url")
    );
  });

  it("names the add-in and its provider Workforce Scrutiny", () => {
    expect(xpathString("/o:OfficeApp/o:DisplayName/@DefaultValue")).toBe("Workforce Scrutiny");
    expect(xpathString("/o:OfficeApp/o:ProviderName")).toBe("Workforce Scrutiny");
    expect(xpathString("/o:OfficeApp/o:Id")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
    );
  });
});
