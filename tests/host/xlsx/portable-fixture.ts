/**
 * A workbook holding every WORKFORCE function in every spelling a file can hold: typed
 * (WORKFORCE.X), as Excel saves it (_xldudf_WORKFORCE_X), after a COM add-in ([2]!_xldudf_…) and
 * unknown to the saving Excel (_xludf.WORKFORCE.X); over Excel tables and A1 ranges, on numbers,
 * zeros, negatives, blanks, text, booleans and errors; cross-sheet; a spilled HEADLINE (a dynamic
 * array with its metadata part); a shared formula filled down; named formulas; a conditional
 * format and a data validation; a text cell that only looks like a formula; and another add-in's
 * function. ExcelJS writes the tables and values; the formulas go into the sheet XML as Excel
 * would write them.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { generateStaff } from "../../../src/sample/generate";

export const STAFF_ROWS = 240;
const { staff, posts } = generateStaff({ rows: STAFF_ROWS, seed: 5 });
export const STAFF = staff;
export const POSTS = posts;
export const STAFF_RANGE = `'Staff data'!$A$1:$O$${staff.length}`;
export const POSTS_RANGE = `'Staff data'!$Q$1:$S$${posts.length}`;

/** Rates!A1:C9: the inputs of the number forms. */
export const INPUTS: [string, unknown, unknown][] = [
  ["plain", 45.3, 467],
  ["zeros", 0, 0],
  ["zero denominator", 5, 0],
  ["negative", -1, 10],
  ["blank", null, 10],
  ["text", "x", 10],
  ["boolean", true, 10],
  ["error", "=1/0", 10],
  ["large", 1e6, 3],
];

export interface FormulaCell {
  ref: string;
  /** As the file stores it (no "="). */
  formula: string;
  /** A dynamic array over this range. */
  spill?: string;
}

const table = "Staff[#All]";
const RATE_IDS = ["VACANCYRATE", "AGENCYPCT", "TURNOVER", "CASELOAD", "STABILITY"];
const SPELL = [
  (id: string) => `WORKFORCE.${id}`,
  (id: string) => `_xldudf_WORKFORCE_${id}`,
  (id: string) => `[2]!_xldudf_WORKFORCE_${id}`,
  (id: string) => `_xludf.WORKFORCE.${id}`,
];

/** The formulas of the "Rates" sheet (row 1 is a header over the inputs). */
export function rateFormulas(): FormulaCell[] {
  const cells: FormulaCell[] = [];
  // Every rate function, every input row, spelled in turn: columns E to I.
  RATE_IDS.forEach((id, k) => {
    INPUTS.forEach((_, i) => {
      const row = i + 2;
      const spell = SPELL[(i + k) % SPELL.length];
      cells.push({
        ref: `${String.fromCharCode(69 + k)}${row}`,
        formula: `${spell(id)}(B${row},C${row})`,
      });
    });
  });
  cells.push(
    { ref: "E12", formula: "WORKFORCE.VACANCYRATE(45.3,467)" },
    { ref: "E13", formula: "WORKFORCE.TURNOVER(B2)" },
    { ref: "E14", formula: "WORKFORCE.VACANCYRATE(B2,C2)*100" },
    { ref: "E15", formula: 'ROUND(_xldudf_WORKFORCE_CASELOAD(B2,C2),1)&" cases"' },
    { ref: "E16", formula: "WORKFORCE.AGENCYPCT('Staff data'!U1,'Staff data'!U2)" },
    { ref: "E17", formula: 'IF(B2>0,WORKFORCE.STABILITY(B2,C2),"none")' },
    { ref: "E18", formula: "VacRate" },
    { ref: "E19", formula: "TeamFte" },
    { ref: "E20", formula: "WORKFORCE.TURNOVER(C2,(B2+1)*2)" }
  );
  return cells;
}

/** The formulas of the "Tables" sheet: every function on the staff table. */
export function tableFormulas(): FormulaCell[] {
  const list: string[] = [
    `WORKFORCE.FTE(${table})`,
    `WORKFORCE.FTE(${table})*2`,
    `_xldudf_WORKFORCE_HEADCOUNT(${STAFF_RANGE},DATE(2023,9,30))`,
    `WORKFORCE.AGENCYFTE(${table},,"North")`,
    `[2]!_xldudf_WORKFORCE_VACANCYFTE(${table},,,,Posts[#All])`,
    `WORKFORCE.VACANCYRATE(${table},,,,Posts[#All])`,
    `WORKFORCE.AGENCYPCT(${table})`,
    `_xludf.WORKFORCE.TURNOVER(${table},B1)`,
    `WORKFORCE.CASELOAD(${table})`,
    `WORKFORCE.STABILITY(${STAFF_RANGE})`,
    `WORKFORCE.LEAVERS(${table},,,,"headcount")`,
    `WORKFORCE.STARTERS(${table})`,
    `WORKFORCE.AVGAGE(${table})`,
    `WORKFORCE.SICKNESS(${table})`,
    `WORKFORCE.MEASURE(${table},"turnoverRate")`,
    `WORKFORCE.MEASURE(${table},"no such measure")`,
    `WORKFORCE.FTE(${table},,"No such team")/WORKFORCE.FTE(${table})`,
    `WORKFORCE.HEADCOUNT(Staff[[#Headers],[#Data]],"2023-03-31","North")`,
    `WORKFORCE.BENCHMARK("vacancyRate","England",2023)`,
    `WORKFORCE.NEIGHBOURS("turnover rate","Manchester",2023)`,
    `WORKFORCE.VACANCYRATE(WORKFORCE.VACANCYFTE(${table},,,,Posts[#All]),WORKFORCE.FTE(${table}))`,
  ];
  const cells: FormulaCell[] = list.map((formula, i) => ({ ref: `A${i + 2}`, formula }));
  cells.push({ ref: "D2", formula: `WORKFORCE.HEADLINE(${table},,Posts[#All])`, spill: "D2:E15" });
  return cells;
}

/** Shared formula: D22 written once, filled to D24. */
const SHARED = { ref: "D22:D24", formula: "WORKFORCE.STABILITY(B22,C22)" };

export const NAMES = [
  { name: "VacRate", formula: "_xldudf_WORKFORCE_VACANCYRATE(Rates!$B$2,Rates!$C$2)" },
  { name: "TeamFte", formula: `WORKFORCE.FTE(${table},,"North")` },
];
export const CF_FORMULA = "WORKFORCE.VACANCYRATE($B$2,$C$2)>0.05";
export const DV_FORMULA = `_xldudf_WORKFORCE_FTE(${table})>0`;
export const LOOKS_LIKE = "=WORKFORCE.FTE(Staff[#All])";
export const OTHER_ADDIN = "_xldudf_CONTOSO_ADD(1,2)";

const METADATA = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;

function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Put a formula (with a stale cached value, 999) into a placeholder cell of the sheet XML. */
function putFormula(xml: string, cell: FormulaCell): string {
  const re = new RegExp(`<c r="${cell.ref}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
  if (!re.test(xml)) throw new Error(`fixture: no placeholder at ${cell.ref}`);
  return xml.replace(re, (_all, attrs: string) => {
    const a = attrs.replace(/\st="[^"]*"/, "");
    if (cell.spill)
      return `<c r="${cell.ref}"${a} cm="1"><f t="array" ref="${cell.spill}">${escapeXml(cell.formula)}</f><v>999</v></c>`;
    return `<c r="${cell.ref}"${a}><f>${escapeXml(cell.formula)}</f><v>999</v></c>`;
  });
}

export async function portableFixtureBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet("Staff data");
  data.addTable({
    name: "Staff",
    ref: "A1",
    headerRow: true,
    columns: (staff[0] as string[]).map((name) => ({ name })),
    rows: staff.slice(1) as ExcelJS.CellValue[][],
  });
  data.addTable({
    name: "Posts",
    ref: "Q1",
    headerRow: true,
    columns: (posts[0] as string[]).map((name) => ({ name })),
    rows: posts.slice(1) as ExcelJS.CellValue[][],
  });
  data.getCell("U1").value = 3.5;
  data.getCell("U2").value = 40;

  const rates = wb.addWorksheet("Rates");
  rates.getRow(1).values = ["case", "first", "second"];
  INPUTS.forEach(([label, a, b], i) => {
    const row = rates.getRow(i + 2);
    row.getCell(1).value = label;
    if (typeof a === "string" && a.startsWith("="))
      row.getCell(2).value = { formula: a.slice(1), result: { error: "#DIV/0!" } } as never;
    else if (a !== null) row.getCell(2).value = a as ExcelJS.CellValue;
    row.getCell(3).value = b as ExcelJS.CellValue;
  });
  rates.getCell("B22").value = 30;
  rates.getCell("C22").value = 40;
  rates.getCell("B23").value = 0;
  rates.getCell("C23").value = 0;
  rates.getCell("B24").value = 7;
  rates.getCell("C24").value = 8;
  rates.getCell("A1").value = "case";
  rates.getCell("G30").value = LOOKS_LIKE;
  for (const c of [
    ...rateFormulas(),
    { ref: "D22" },
    { ref: "D23" },
    { ref: "D24" },
    { ref: "H30" },
  ])
    rates.getCell(c.ref).value = 0;
  rates.getCell("H1").value = 1;

  const tables = wb.addWorksheet("Tables");
  tables.getCell("B1").value = 45199; // 30/09/2023, the as-of date of one formula
  for (const c of tableFormulas()) tables.getCell(c.ref).value = 0;

  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const sheetPath = async (name: string) => {
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
    const target =
      new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
      new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
    return `xl/${target.replace(/^\/?xl\//, "")}`;
  };

  let ratesXml = await zip.file(await sheetPath("Rates"))!.async("string");
  for (const c of rateFormulas()) ratesXml = putFormula(ratesXml, c);
  ratesXml = ratesXml.replace(
    /<c r="D22"([^>]*?)(?:\/>|>[\s\S]*?<\/c>)/,
    (_a, attrs: string) =>
      `<c r="D22"${attrs.replace(/\st="[^"]*"/, "")}><f t="shared" ref="${SHARED.ref}" si="0">${SHARED.formula}</f><v>999</v></c>`
  );
  for (const ref of ["D23", "D24"])
    ratesXml = ratesXml.replace(
      new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`),
      (_a, attrs: string) =>
        `<c r="${ref}"${attrs.replace(/\st="[^"]*"/, "")}><f t="shared" si="0"/><v>999</v></c>`
    );
  ratesXml = putFormula(ratesXml, { ref: "H30", formula: OTHER_ADDIN });
  ratesXml = ratesXml.replace(
    /(<\/sheetData>(?:[\s\S]*?<\/mergeCells>)?)/,
    `$1<conditionalFormatting sqref="A2:A10"><cfRule type="expression" dxfId="0" priority="1"><formula>${escapeXml(CF_FORMULA)}</formula></cfRule></conditionalFormatting>` +
      `<dataValidations count="1"><dataValidation type="custom" allowBlank="1" showErrorMessage="1" sqref="H1"><formula1>${escapeXml(DV_FORMULA)}</formula1></dataValidation></dataValidations>`
  );
  zip.file(await sheetPath("Rates"), ratesXml);

  let tablesXml = await zip.file(await sheetPath("Tables"))!.async("string");
  for (const c of tableFormulas()) tablesXml = putFormula(tablesXml, c);
  zip.file(await sheetPath("Tables"), tablesXml);

  // The dynamic-array metadata part, a dxf for the conditional format, and the defined names.
  zip.file("xl/metadata.xml", METADATA);
  let types = await zip.file("[Content_Types].xml")!.async("string");
  types = types.replace(
    "</Types>",
    `<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/></Types>`
  );
  zip.file("[Content_Types].xml", types);
  let rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  rels = rels.replace(
    "</Relationships>",
    `<Relationship Id="rIdMeta1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/></Relationships>`
  );
  zip.file("xl/_rels/workbook.xml.rels", rels);
  let styles = await zip.file("xl/styles.xml")!.async("string");
  const dxfs = '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>';
  styles = /<dxfs[^>]*\/>/.test(styles)
    ? styles.replace(/<dxfs[^>]*\/>/, dxfs)
    : /<dxfs[^>]*>[\s\S]*?<\/dxfs>/.test(styles)
      ? styles.replace(/<dxfs[^>]*>[\s\S]*?<\/dxfs>/, dxfs)
      : styles.replace(/(<tableStyles|<\/styleSheet>)/, `${dxfs}$1`);
  zip.file("xl/styles.xml", styles);
  let workbook = await zip.file("xl/workbook.xml")!.async("string");
  const names = NAMES.map(
    (n) => `<definedName name="${n.name}">${escapeXml(n.formula)}</definedName>`
  ).join("");
  workbook = workbook.includes("<definedNames>")
    ? workbook.replace("<definedNames>", `<definedNames>${names}`)
    : workbook.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`);
  zip.file("xl/workbook.xml", workbook);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
