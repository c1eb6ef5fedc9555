/** Every case of the bad-input corpus through `workforce check`, with the messages it must give. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import { ingestStaff } from "../src/core/ingest";

const CORPUS = join(__dirname, "corpus");
const cases = readdirSync(CORPUS).filter((name) => existsSync(join(CORPUS, name, "expected.json")));

describe("bad-input corpus", () => {
  it("has the cases the issue lists", () => {
    expect(cases.length).toBeGreaterThanOrEqual(18);
  });

  it.each(cases)("%s", async (name) => {
    const expected = JSON.parse(readFileSync(join(CORPUS, name, "expected.json"), "utf8")) as {
      args?: string[];
      exit: number;
      stdout?: string[];
      stderr?: string[];
    };
    const file = ["staff.csv", "staff.xlsx", "return.xml"]
      .map((f) => join(CORPUS, name, f))
      .find(existsSync)!;
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(
      ["check", file, ...(expected.args ?? [])],
      (s) => out.push(s),
      (s) => err.push(s)
    );
    const stdout = out.join("\n");
    const stderr = err.join("\n");
    for (const line of expected.stdout ?? []) expect(stdout, stdout).toContain(line);
    for (const line of expected.stderr ?? []) expect(stderr, stderr).toContain(line);
    if (code === 2) expect(stderr.trim().split("\n"), "one line, no stack trace").toHaveLength(1);
    expect(code, stdout + stderr).toBe(expected.exit);
  });

  it("ingests a full 1,048,576-row sheet without failing", () => {
    const grid: unknown[][] = [["Staff ID", "Team", "Role", "Worker type", "FTE", "Start date"]];
    for (let i = 1; i < 1_048_576; i++)
      grid.push([
        `S${i}`,
        i % 7 ? "North" : "South",
        "SW1",
        i % 10 ? "Permanent" : "Agency",
        1,
        40000 + (i % 3000),
      ]);
    const t = ingestStaff(grid);
    expect(t.rowsRead).toBe(1_048_575);
    expect(t.records).toHaveLength(1_048_575);
  });
});
