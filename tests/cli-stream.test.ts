/**
 * A staff CSV streamed into the ingest (what `workforce metrics`, `check` and `summary` do) gives
 * what the whole-file path gives (the file as one grid, then ingestStaff; naming the sheet
 * "CSV" takes that path): same table, same errors, on every CSV of the corpus and on a larger
 * generated file with Windows-1252 bytes, quoted newlines, bad cells and repeated IDs.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadStaff } from "../src/node/load-staff";
import { readSheets } from "../src/node/read-file";

const CORPUS = join(__dirname, "corpus");

async function both(file: string) {
  const settle = (p: Promise<unknown>) =>
    p.then(
      (v) => ({ ok: v }),
      (e: Error) => ({ error: `${e.constructor.name}: ${e.message}` })
    );
  return [await settle(loadStaff(file)), await settle(loadStaff(file, { sheet: "CSV" }))];
}

/** A CSV with the cells an analyst's export has, good and bad, in Windows-1252. */
function generated(rows: number): Buffer {
  const lines = [
    "Employee No;Team;Job Title;Contract Type;FTE;Start Date;Leaving Date;Reason for Leaving;Date of Birth;Gender;Cases Held",
  ];
  const pick = <T>(xs: T[], i: number) => xs[i % xs.length];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        pick(["E1", `E${i}`, `e${i}`, "", "#REF!", `"E${i} ""x"""`], i * 7),
        pick(["North", " north ", "Nörth Côte", '"Multi\r\nline; team"', ""], i * 3 + (i >> 7)),
        pick(["ASYE", "Social Worker", "Wizard", "SW1"], i),
        pick(["Permanent", "Agency", "Vacant", "Casual", "Fixed term"], i * 11),
        pick(["1", "0,5", "37", "0", "abc", "0.6"], i * 5),
        pick(["44000", "31/02/2022", "01/01/1940", "00000", "2021-01-31", "12 Sep 2019"], i * 13),
        pick(["", "", "45000", "10000", "31/03/2023"], i * 17),
        pick(["", "Retired", " RETIRED", "retired"], i * 19),
        pick(["30000", "01/01/1920", "", "nope"], i * 23),
        pick(["Female", "Male", "Prefer not to say"], i * 29),
        pick(["12", "", "-1", "many"], i * 31),
      ].join(";")
    );
  }
  return Buffer.from(lines.join("\r\n"), "latin1");
}

describe("the streamed staff CSV", () => {
  it("gives the table and errors the whole-file path gives, on every corpus CSV", async () => {
    const files = readdirSync(CORPUS)
      .map((d) => join(CORPUS, d, "staff.csv"))
      .filter(existsSync);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const [streamed, whole] = await both(file);
      expect(streamed, file).toEqual(whole);
    }
  });

  it("gives the same on a generated Windows-1252 file of bad cells, over many pieces", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stream-"));
    const file = join(dir, "staff.csv");
    writeFileSync(file, generated(30_000)); // about 2 MB: three pieces of 1 MiB
    const [streamed, whole] = await both(file);
    expect(streamed).toEqual(whole);
    const table = (streamed as { ok: Awaited<ReturnType<typeof loadStaff>> }).ok.staff;
    expect(table.problems.length).toBeGreaterThan(1000);
    const texts = [...table.records.map((r) => r.team), ...table.problems.map((p) => p.found)];
    expect(texts).toContain("Nörth Côte");
    expect(texts).toContain("Multi\r\nline; team");
  });

  it("keeps the rows the whole-file read gives when asked (workforce summary's raw sheet)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stream-"));
    const big = join(dir, "staff.csv");
    writeFileSync(big, generated(30_000));
    // Windows-1252 found only after the first 1 MiB piece has handed on its rows: the rows kept
    // from that first (UTF-8) reading must be dropped when the file is read again.
    const late = join(dir, "late-1252.csv");
    const ascii = generated(30_000)
      .toString("latin1")
      .replace(/[^\x00-\x7f]/g, "o");
    writeFileSync(late, Buffer.from(`${ascii}\r\nE9,Nörth,ASYE,Permanent,1,44000`, "latin1"));
    const files = [
      big,
      late,
      ...readdirSync(CORPUS)
        .map((d) => join(CORPUS, d, "staff.csv"))
        .filter(existsSync),
    ];
    for (const file of files) {
      const streamed = await loadStaff(file, { keepRows: true }).catch(() => null);
      if (!streamed) continue; // a file refused either way: the test above compares the errors
      const whole = (await readSheets(file))[0].grid;
      expect(streamed.rows, file).toEqual(whole);
      expect(streamed.rows!.length, file).toBeGreaterThan(0);
    }
    expect((await loadStaff(big)).rows).toBeNull();
  });

  it("says the same about an empty file, a blank one and a missing one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stream-"));
    for (const [name, text] of [
      ["empty.csv", ""],
      ["blank.csv", " , \r\n,,\r\n"],
      ["noheader.csv", "a,b\r\n1,2\r\n"],
    ]) {
      writeFileSync(join(dir, name), text);
      const [streamed, whole] = await both(join(dir, name));
      expect(streamed, name).toEqual(whole);
      expect(streamed, name).toHaveProperty("error");
    }
    const [streamed, whole] = await both(join(dir, "missing.csv"));
    expect(streamed).toEqual(whole);
  });
});
