/** The portable copy's formula handling: tokens, spellings, rewriting, notes. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Argument } from "../../src/core/portable/arguments";
import { otherAddinCall, workforceCall } from "../../src/core/portable/forms";
import { noteText, parseNote, typedForm, withoutOurNote } from "../../src/core/portable/notes";
import { hasWorkforceCall, rewriteFormula } from "../../src/core/portable/rewrite";
import type { RewriteContext } from "../../src/core/portable/rewrite";
import { shiftFormula, tokenize, untokenize } from "../../src/core/portable/tokens";
import type { CallValue } from "../../src/core/portable/values";

describe("tokenize", () => {
  it("gives the formula back exactly, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        expect(untokenize(tokenize(s))).toBe(s);
      }),
      { numRuns: 2000 }
    );
    const formulas = [
      `SUM('My ''odd'' sheet'!$A$1:B2)+[2]!_xldudf_WORKFORCE_FTE(Staff[[#All],[FTE]])`,
      `IF(A1="=WORKFORCE.FTE(x)",{1,2;"a",#N/A},Staff[@FTE]*1E-3%)`,
    ];
    for (const f of formulas) expect(untokenize(tokenize(f))).toBe(f);
  });

  it("reads sheet prefixes, structured references and calls", () => {
    const t = tokenize(
      `'Staff data'!$A$1:Staff!B2+Staff[[#Headers],[#Data]]+WORKFORCE.FTE(x)`
    ).filter((x) => x.kind === "word");
    expect(t.map((x) => [x.prefix, x.body, x.call ?? false])).toEqual([
      ["'Staff data'!", "$A$1", false],
      ["Staff!", "B2", false],
      ["", "Staff[[#Headers],[#Data]]", false],
      ["", "WORKFORCE.FTE", true],
      ["", "x", false],
    ]);
  });

  it("moves relative references for another cell of a shared formula", () => {
    expect(shiftFormula("WORKFORCE.STABILITY(B22,$C$22)+Staff[FTE]+'S 1'!A1", 2, 1)).toBe(
      "WORKFORCE.STABILITY(C24,$C$22)+Staff[FTE]+'S 1'!B3"
    );
  });
});

describe("spellings", () => {
  const id = (f: string) => {
    const t = tokenize(f).find((x) => x.kind === "word" && x.call);
    return t ? workforceCall(t) : null;
  };
  it("recognises every documented spelling, in any case", () => {
    expect(id("WORKFORCE.FTE(A1)")).toEqual({ id: "FTE", spelling: "typed" });
    expect(id("workforce.fte(A1)")).toEqual({ id: "FTE", spelling: "typed" });
    expect(id("_xldudf_WORKFORCE_VACANCYRATE(1,2)")).toEqual({
      id: "VACANCYRATE",
      spelling: "xldudf",
    });
    expect(id("[2]!_xldudf_WORKFORCE_VACANCYRATE(1,2)")).toEqual({
      id: "VACANCYRATE",
      spelling: "external-xldudf",
    });
    expect(id("_xludf.WORKFORCE.HEADLINE(A1:B2)")).toEqual({ id: "HEADLINE", spelling: "xludf" });
  });
  it("does not take other functions, text or unknown ids", () => {
    expect(id("WORKFORCE.NOSUCH(1)")).toBeNull();
    expect(id("Sheet1!WORKFORCE.FTE(1)")).toBeNull();
    expect(hasWorkforceCall('"=WORKFORCE.FTE(Staff[#All])"&A1')).toBe(false);
    expect(hasWorkforceCall("WORKFORCE_FTE+1")).toBe(false);
  });
  it("lists other add-ins' functions", () => {
    const others = tokenize(
      "_xldudf_CONTOSO_ADD(1)+_xll.MYXLL(2)+[1]!Macro(3)+SUM(4)+WORKFORCE.FTE(A1)"
    )
      .filter(otherAddinCall)
      .map((t) => t.text);
    expect(others).toEqual(["_xldudf_CONTOSO_ADD", "_xll.MYXLL", "[1]!Macro"]);
  });
});

describe("rewriteFormula", () => {
  const calls: { id: string; args: Argument[] }[] = [];
  const ctx: RewriteContext = {
    resolver: {
      reference: (text) =>
        text === "Staff[#All]" ? [["Staff ID"], ["S1"]] : text === "B1" ? [[45199]] : null,
    },
    async call(id, args): Promise<CallValue> {
      calls.push({ id, args });
      if (id === "HEADLINE")
        return [
          ["Measure", "Value"],
          ["FTE", 3.5],
        ];
      if (id === "MEASURE") return { error: "#N/A" };
      return 35.2;
    },
  };

  it("makes the number forms native and keeps them live", async () => {
    const r = await rewriteFormula("_xldudf_WORKFORCE_TURNOVER(A1,B1)*100", ctx);
    expect(r.kind).toBe("native");
    expect(r.kind === "native" && r.formula).toMatch(/^IF\(ISERROR\(A1\),A1,.*A1\/B1.*\)\*100$/);
  });

  it("turns a table form into its value, the whole cell when the formula is only that call", async () => {
    const whole = await rewriteFormula("WORKFORCE.FTE(Staff[#All],B1)", ctx);
    expect(whole).toMatchObject({ kind: "value", formula: null, value: 35.2 });
    expect(calls.at(-1)!.args).toEqual([
      { kind: "grid", grid: [["Staff ID"], ["S1"]] },
      { kind: "grid", grid: [[45199]] },
    ]);
    const mixed = await rewriteFormula("WORKFORCE.FTE(Staff[#All])*2", ctx);
    expect(mixed).toMatchObject({ kind: "value", formula: "35.2*2" });
    const spill = await rewriteFormula("INDEX(WORKFORCE.HEADLINE(Staff[#All]),2,2)", ctx);
    expect(spill).toMatchObject({ formula: 'INDEX({"Measure","Value";"FTE",3.5},2,2)' });
    const error = await rewriteFormula('IFERROR(WORKFORCE.MEASURE(Staff[#All],"x"),0)', ctx);
    expect(error).toMatchObject({ formula: "IFERROR(#N/A,0)" });
  });

  it("says what it cannot compute instead of guessing", async () => {
    const r = await rewriteFormula("WORKFORCE.FTE(Staff[#All],TODAY())", ctx);
    expect(r).toMatchObject({ kind: "unresolved" });
  });

  it("leaves formulas without a WORKFORCE call, listing other add-ins", async () => {
    expect(await rewriteFormula('"WORKFORCE.FTE("&_xldudf_CONTOSO_ADD(1,2)', ctx)).toEqual({
      kind: "none",
      otherAddins: ["_xldudf_CONTOSO_ADD"],
    });
  });
});

describe("notes", () => {
  it("keep the formula exactly as saved and read back", () => {
    const note = {
      formula: "_xldudf_WORKFORCE_HEADLINE(Staff[#All])",
      array: { ref: "E1:F14", dynamic: true },
    };
    const text = noteText(note);
    expect(text).toContain("=WORKFORCE.HEADLINE(Staff[#All])");
    expect(parseNote(text)).toEqual(note);
    expect(parseNote(`My own note\n${text}`)).toEqual(note);
    expect(withoutOurNote(`My own note\n${text}`)).toBe("My own note");
    expect(parseNote("Someone else's note")).toBeNull();
    expect(typedForm("[2]!_xldudf_WORKFORCE_FTE(A1)")).toBe("WORKFORCE.FTE(A1)");
  });
});
