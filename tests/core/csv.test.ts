import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/core/csv";

describe("parseCsv", () => {
  it("reads quoted fields, doubled quotes, newlines inside quotes and CRLF", () => {
    expect(parseCsv('a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",\r\n')).toEqual([
      ["a", "b", "c"],
      ["1", "x, y", 'say "hi"'],
      ["2", "two\nlines", ""],
    ]);
  });

  it("drops a byte-order mark and keeps a last line without a newline", () => {
    expect(parseCsv("\ufeffStaff ID,Team\nS1,North")).toEqual([
      ["Staff ID", "Team"],
      ["S1", "North"],
    ]);
  });

  it("reads semicolon CSVs as European Excel writes them", () => {
    expect(parseCsv("Staff ID;Team;FTE\nS1;North;0,5\n")).toEqual([
      ["Staff ID", "Team", "FTE"],
      ["S1", "North", "0,5"],
    ]);
  });
});

describe("parseCsv with a fixed delimiter", () => {
  it("keeps semicolons inside fields when told the delimiter is a comma", () => {
    expect(parseCsv("a;b,c\n1;2,3\n", ",")).toEqual([
      ["a;b", "c"],
      ["1;2", "3"],
    ]);
  });
});
