/**
 * Writes the .xlsx cases of the bad-input corpus (tests/corpus/<case>/staff.xlsx), the
 * hostile-names case (staff.csv and posts.csv from tests/support/hostile-names.ts) and the census
 * return cases (tests/corpus/census-…/return.xml); the other CSV cases are written by hand. Run:
 * npx tsx scripts/make-corpus.ts (deterministic).
 */
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { asCsv, hostileWorkforce } from "../tests/support/hostile-names";
import { writeCensus } from "../src/core/census/write";
import { ingestStaff } from "../src/core/ingest";

const CORPUS = join(__dirname, "..", "tests", "corpus");
const HEADER = ["Staff ID", "Team", "Role", "Worker type", "FTE", "Start date", "Leave date"];
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

async function write(name: string, build: (ws: ExcelJS.Worksheet) => void, expected: object) {
  const wb = new ExcelJS.Workbook();
  wb.created = d(2023, 11, 1);
  wb.modified = d(2023, 11, 1);
  build(wb.addWorksheet("Staff"));
  mkdirSync(join(CORPUS, name), { recursive: true });
  await wb.xlsx.writeFile(join(CORPUS, name, "staff.xlsx"));
  writeFileSync(join(CORPUS, name, "expected.json"), `${JSON.stringify(expected, null, 2)}\n`);
}

async function main() {
  await write(
    "merged-header-xlsx",
    (ws) => {
      ws.addRow(["Person", null, "Employment", null, null, null, null]);
      ws.mergeCells("A1:B1");
      ws.mergeCells("C1:G1");
      ws.addRow(HEADER);
      ws.addRow(["S1", "North", "SW1", "Permanent", 1, d(2020, 1, 1), null]);
    },
    { exit: 0, stdout: ["header on row 2", "1 rows read, 1 used, 0 left out"] }
  );
  await write(
    "error-and-formula-cells-xlsx",
    (ws) => {
      ws.addRow(HEADER);
      ws.addRow([
        "S1",
        "North",
        "SW1",
        "Permanent",
        { formula: "0.5*2", result: 1 },
        d(2020, 1, 1),
        null,
      ]);
      ws.addRow(["S2", { error: "#REF!" }, "SW1", "Permanent", 1, d(2020, 1, 1), null]);
      ws.addRow([
        "S3",
        "North",
        "SW1",
        "Permanent",
        { formula: "1/0", result: { error: "#DIV/0!" } },
        d(2020, 1, 1),
        null,
      ]);
    },
    {
      exit: 1,
      stdout: [
        'Row 3, Team: found "#REF!"; expected a value, not an Excel error',
        'Row 4, FTE: found "#DIV/0!"',
        "3 rows read, 1 used, 2 left out",
      ],
    }
  );
  const hostile = hostileWorkforce();
  const dir = join(CORPUS, "hostile-names");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "staff.csv"), asCsv(hostile.staff, [5, 6, 8]));
  writeFileSync(join(dir, "posts.csv"), asCsv(hostile.posts, []));
  console.log("wrote the .xlsx corpus cases and hostile-names");
  writeCensusCases();
  console.log("wrote the census return corpus cases");
}

function writeReturn(name: string, bytes: string | Uint8Array, expected: object) {
  mkdirSync(join(CORPUS, name), { recursive: true });
  writeFileSync(join(CORPUS, name, "return.xml"), bytes);
  writeFileSync(join(CORPUS, name, "expected.json"), `${JSON.stringify(expected, null, 2)}\n`);
}

/** A small return a council could send: two workers, one of them agency, nothing made up. */
function cleanReturn(options: { declaration?: string; qualInst?: string } = {}): string {
  const worker = (agency: 0 | 1, swe: string, fte: string) =>
    [
      "  <CSWWWorker>",
      `    <AgencyWorker>${agency}</AgencyWorker>`,
      `    <SWENo>${swe}</SWENo>`,
      `    <FTE>${fte}</FTE>`,
      "    <PersonBirthDate>1985-06-01</PersonBirthDate>",
      "    <GenderCurrent>2</GenderCurrent>",
      "    <Ethnicity>WBRI</Ethnicity>",
      `    <QualInst>${options.qualInst ?? "University of Leeds"}</QualInst>`,
      "    <OrgRole>5</OrgRole>",
      "    <RoleStartDate>2019-01-07</RoleStartDate>",
      `    <FTE30>${fte}</FTE30>`,
      "    <Cases30>17</Cases30>",
      "  </CSWWWorker>",
    ].join("\n");
  return [
    options.declaration ?? '<?xml version="1.0" encoding="UTF-8"?>',
    "<Message>",
    "  <Header>",
    "    <CollectionDetails><Collection>CSWW</Collection><Year>2023</Year><ReferenceDate>2023-09-30</ReferenceDate></CollectionDetails>",
    "    <Source><SourceLevel>L</SourceLevel><LEA>352</LEA><SoftwareCode>HR system</SoftwareCode></Source>",
    "  </Header>",
    "  <LALevelVacancies>",
    "    <NumberOfVacancies>3.50</NumberOfVacancies>",
    "    <NoAgencyFTE>4.00</NoAgencyFTE>",
    "    <NoAgencyHeadcount>4</NoAgencyHeadcount>",
    "  </LALevelVacancies>",
    worker(0, "SW1000000001", "1.000000"),
    worker(1, "SW1000000002", "0.500000"),
    "</Message>",
    "",
  ].join("\n");
}

function writeCensusCases() {
  const safety = "cannot be read safely: the file declares a DTD";
  writeReturn(
    "census-billion-laughs",
    [
      '<?xml version="1.0"?>',
      "<!DOCTYPE Message [",
      '  <!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`
      ),
      "]>",
      "<Message><Header><Source><LEA>&lol9;</LEA></Source></Header></Message>",
      "",
    ].join("\n"),
    { exit: 2, stderr: [safety, "never expanded or fetched", "Remove the <!DOCTYPE …>"] }
  );
  writeReturn(
    "census-external-entity",
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE Message [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>',
      "<Message><Header><Source><LEA>&secret;</LEA></Source></Header></Message>",
      "",
    ].join("\n"),
    { exit: 2, stderr: [safety, "never expanded or fetched"] }
  );
  writeReturn(
    "census-external-dtd",
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE Message SYSTEM "http://example.invalid/csww.dtd">',
      "<Message/>",
      "",
    ].join("\n"),
    { exit: 2, stderr: ["an external SYSTEM or PUBLIC reference", "never expanded or fetched"] }
  );
  writeReturn("census-bare-ampersand", cleanReturn({ qualInst: "Royal Holloway & Bedford" }), {
    exit: 2,
    stderr: ['not a CSWW census file: "&" is not an entity XML knows', "at line 19"],
  });

  // What the writer made before returns were refused without a vacancy figure: a staff table
  // with no SWE numbers and no qualifying institutions, written with NumberOfVacancies 0.00.
  const staff = ingestStaff([
    ["Staff ID", "Team", "Role", "Worker type", "FTE", "Start date"],
    ...Array.from({ length: 12 }, (_, i) => [
      `E${100 + i}`,
      "North",
      "SW1",
      i < 2 ? "Agency" : "Permanent",
      1,
      "2020-01-06",
    ]),
  ]);
  writeReturn(
    "census-placeholders",
    writeCensus(staff, { year: 2023, lea: "352", vacancyFte: 0 }).xml,
    {
      exit: 1,
      stdout: [
        "Errors (fix before submitting the return",
        "SWENo: 12 rows — expected a Social Work England number, not a placeholder (ZZ…)",
        'Rows 2, 3, 4, 5, 6 and 7 more; found "ZZ0000000001", "ZZ0000000002"',
        "To fix: ZZ… numbers are placeholders",
        "QualInst: 12 rows — expected the institution where the worker qualified, not a placeholder",
        'NumberOfVacancies: found "0.00"; expected a vacancy FTE above 0',
      ],
    }
  );

  // The LA level counts fewer agency workers than the records hold: it cannot.
  writeReturn(
    "census-agency-records-exceed-la",
    cleanReturn()
      .replace("<NoAgencyFTE>4.00</NoAgencyFTE>", "<NoAgencyFTE>0.25</NoAgencyFTE>")
      .replace(
        "<NoAgencyHeadcount>4</NoAgencyHeadcount>",
        "<NoAgencyHeadcount>0</NoAgencyHeadcount>"
      ),
    {
      exit: 1,
      stdout: [
        'NoAgencyFTE: found "0.25"; expected at least the agency FTE of the worker records: the 1 worker record with AgencyWorker 1 in post at 30/09/2023 hold 0.50 FTE',
        'NoAgencyHeadcount: found "0"',
      ],
    }
  );
  // The usual case: fewer records than the LA level counts. Said, not an error.
  writeReturn("census-agency-from-la-level", cleanReturn(), {
    exit: 0,
    stdout: [
      "LA level: vacancies 3.5 FTE; agency 4 FTE, 4 workers.",
      "Agency worker records: 0.5 FTE, 1 workers in post — not the LA-level figures",
      "2 rows read, 2 used, 0 left out",
    ],
  });

  // Encodings: UTF-16 with a byte-order mark; ISO-8859-1 declared; Windows-1252 undeclared.
  const accented = "Université de Genève";
  writeReturn(
    "census-utf16",
    new Uint8Array(
      Buffer.from(
        "\uFEFF" +
          cleanReturn({
            declaration: '<?xml version="1.0" encoding="UTF-16"?>',
            qualInst: accented,
          }),
        "utf16le"
      )
    ),
    { exit: 0, stdout: ["2 rows read, 2 used, 0 left out"] }
  );
  writeReturn(
    "census-iso-8859-1",
    new Uint8Array(
      Buffer.from(
        cleanReturn({
          declaration: '<?xml version="1.0" encoding="ISO-8859-1"?>',
          qualInst: accented,
        }),
        "latin1"
      )
    ),
    { exit: 0, stdout: ["2 rows read, 2 used, 0 left out"] }
  );
  const undeclared = new Uint8Array(
    Buffer.from(cleanReturn({ declaration: "", qualInst: accented }).replace(/^\n/, ""), "latin1")
  );
  writeReturn("census-windows-1252-undeclared", undeclared, {
    exit: 0,
    stdout: ["read as Windows-1252", "2 rows read, 2 used, 0 left out"],
  });
}

void main();
