import { describe, expect, it } from "vitest";
import {
  AGENCY_WORKER,
  CFKSS_STATUS,
  CodeSet,
  codeByLabel,
  ETHNICITY,
  ETHNICITY_FOR_GROUP,
  ETHNICITY_SCHEMA_CODES,
  GENDER_CURRENT,
  GENDER_TEXT,
  LADDER_OF_ORG_ROLE,
  LEA_CODE,
  LEAVER_DESTINATION,
  ORG_ROLE,
  ORG_ROLE_OF_LADDER,
  QUAL_LEVEL,
  REASON_ABSENCE,
  REASON_LEAVE,
  REASON_LEAVE_SYNONYMS,
  START_ORIGIN,
  SWE_NUMBER,
  WORKER_TYPE_OF_AGENCY_CODE,
  YES_NO,
} from "../../src/core/census/codes";
import { WORKER_ITEMS } from "../../src/core/census/read";
import { childElement, childElements, parseXml, XmlElement } from "../../src/core/census/xml";
import { parseEthnicity, parseGender, parseWorkerType, roleCodeOf } from "../../src/core/values";
import { ETHNICITIES, ROLE_CODES } from "../../src/core/vocabulary";
import { schemaText } from "./support";

const schema = parseXml(schemaText);

function simpleType(name: string): XmlElement {
  const t = childElements(schema, "simpleType").find((s) => s.attributes.name === name);
  if (!t) throw new Error(`no simpleType ${name}`);
  return t;
}

/** The enumerations of a simpleType with their documentation text, as the XSD has them. */
function enumerations(name: string): { code: string; label: string }[] {
  const restriction = childElement(simpleType(name), "restriction")!;
  return childElements(restriction, "enumeration").map((e) => ({
    code: e.attributes.value,
    label: childElement(childElement(e, "annotation")!, "documentation")!.text.trim(),
  }));
}

const SETS: [string, CodeSet][] = [
  ["agencyworkertype", AGENCY_WORKER],
  ["gendertype", GENDER_CURRENT],
  ["ethnicitytype", ETHNICITY_SCHEMA_CODES],
  ["qualtype", QUAL_LEVEL],
  ["yesnotype", YES_NO],
  ["roletype", ORG_ROLE],
  ["origintype", START_ORIGIN],
  ["leavertype", LEAVER_DESTINATION],
  ["reasontype", REASON_LEAVE],
  ["absencetype", REASON_ABSENCE],
  ["cfksstype", CFKSS_STATUS],
];

describe("census code sets", () => {
  it.each(SETS)("%s: the codes and texts of the schema, in its order", (type, set) => {
    const fromSchema = enumerations(type).map((e) =>
      // The schema's one typo, corrected in codes.ts.
      e.label === "Senior Practicioner" ? { ...e, label: "Senior Practitioner" } : e
    );
    expect(set).toEqual(fromSchema);
  });

  it("has the schema's SWE number and LEA patterns", () => {
    const pattern = (type: string) =>
      childElement(childElement(simpleType(type), "restriction")!, "pattern")!.attributes.value;
    expect(SWE_NUMBER.source).toBe(`^${pattern("swetype")}$`);
    const source = childElements(schema, "complexType").find(
      (t) => t.attributes.name === "sourcetype"
    )!;
    const lea = childElements(childElement(source, "sequence")!, "element").find(
      (e) => e.attributes.name === "LEA"
    )!;
    const leaPattern = childElement(
      childElement(childElement(lea, "simpleType")!, "restriction")!,
      "pattern"
    )!;
    expect(LEA_CODE.source).toBe(`^${leaPattern.attributes.value}$`);
  });

  it("lists the worker items in the schema's order", () => {
    const worker = childElements(schema, "complexType").find(
      (t) => t.attributes.name === "workertype"
    )!;
    const names = childElements(childElement(worker, "sequence")!, "element").map(
      (e) => e.attributes.name
    );
    expect([...WORKER_ITEMS]).toEqual(names);
  });

  it("reads every ethnicity label back to its code's group, and REFU/NOBT as not known", () => {
    for (const e of ETHNICITY) {
      const parsed = parseEthnicity(e.label);
      expect("value" in parsed).toBe(true);
      const group = "value" in parsed ? parsed.value.group : null;
      const known = ETHNICITIES.find((v) => v.code === e.code);
      expect(group).toBe(known ? known.group : "Not known");
    }
    expect(ETHNICITY.find((e) => e.code === "BAFR")!.label).toBe("Black African");
    // The fallback for each group is a code of that group.
    for (const [group, code] of Object.entries(ETHNICITY_FOR_GROUP)) {
      expect(ETHNICITIES.find((v) => v.code === code)!.group).toBe(group);
    }
  });

  it("reads gender and worker type texts as ingest understands them", () => {
    expect(
      Object.fromEntries(Object.entries(GENDER_TEXT).map(([c, t]) => [c, parseGender(t)]))
    ).toEqual({
      "0": "Not known",
      "1": "Male",
      "2": "Female",
      "9": "Not known",
    });
    for (const [code, type] of Object.entries(WORKER_TYPE_OF_AGENCY_CODE)) {
      const parsed = parseWorkerType(type);
      expect("value" in parsed && parsed.value.counts).toBe(
        code === "1" ? "agency" : "socialWorker"
      );
    }
  });

  it("maps every OrgRole to the ladder and every ladder code to an OrgRole", () => {
    expect(Object.keys(LADDER_OF_ORG_ROLE).sort()).toEqual(ORG_ROLE.map((r) => r.code).sort());
    expect(LADDER_OF_ORG_ROLE).toEqual({
      "1": "SM",
      "2": "SM",
      "3": "TM",
      "4": "AP",
      "5": "SW1",
      "6": "SW1",
    });
    for (const code of ROLE_CODES)
      expect(ORG_ROLE.map((r) => r.code)).toContain(ORG_ROLE_OF_LADDER[code]);
    // Writing then reading keeps the managers and practitioners on their rung (SW2 and ASYE read as SW1).
    expect(ROLE_CODES.map((c) => LADDER_OF_ORG_ROLE[ORG_ROLE_OF_LADDER[c]])).toEqual([
      "SW1",
      "SW1",
      "SW1",
      "AP",
      "TM",
      "SM",
    ]);
    // The census's own texts for 4 and 5 are ladder synonyms too.
    expect(roleCodeOf("Senior Practitioner")).toBe("AP");
    expect(roleCodeOf("Case Holder")).toBe("SW1");
  });

  it("finds leaving reasons by label or synonym, ignoring case and punctuation", () => {
    expect(codeByLabel(REASON_LEAVE, "resignation")).toBe("1");
    expect(
      codeByLabel(REASON_LEAVE, "Moved to a non-child and family social work role within LA")
    ).toBe("7");
    expect(codeByLabel(REASON_LEAVE, "Ill-health retirement", REASON_LEAVE_SYNONYMS)).toBe("5");
    expect(codeByLabel(REASON_LEAVE, "Emigrated", REASON_LEAVE_SYNONYMS)).toBeUndefined();
    expect(codeByLabel(REASON_LEAVE, "")).toBeUndefined();
  });
});
