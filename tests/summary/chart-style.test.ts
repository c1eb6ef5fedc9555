/**
 * The charts' colours meet WCAG 2.2's non-text contrast (3:1 against the white plot area, 1.4.11)
 * and keep a black data label readable inside a bar (4.5:1, 1.4.3); the contrast is computed
 * with WCAG's formula, checked against published pairs.
 */
import { describe, expect, it } from "vitest";
import {
  contrastRatio,
  dataLabelFormat,
  SERIES_COLOURS,
  SERIES_MARKERS,
  SERIES_PATTERNS,
} from "../../src/core/summary/chart-style";

describe("chart colours", () => {
  it("computes WCAG contrast as published (#767676 on white is 4.54:1; black on white 21:1)", () => {
    expect(contrastRatio("767676", "FFFFFF")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("000000", "FFFFFF")).toBeCloseTo(21, 5);
    expect(contrastRatio("FFFFFF", "FFFFFF")).toBe(1);
  });

  it("no longer uses the palette colours that failed 3:1 on white", () => {
    for (const failing of ["E69F00", "56B4E9"]) {
      expect(contrastRatio(failing, "FFFFFF")).toBeLessThan(3);
      expect(SERIES_COLOURS).not.toContain(failing);
    }
  });

  it.each(SERIES_COLOURS)("%s: at least 3:1 on white, and black text on it at least 4.5:1", (c) => {
    expect(contrastRatio(c, "FFFFFF")).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(c, "000000")).toBeGreaterThanOrEqual(4.5);
  });

  it("gives each series of a chart its own colour, marker and pattern", () => {
    const n = SERIES_COLOURS.length;
    expect(new Set(SERIES_COLOURS).size).toBe(n);
    expect(new Set(SERIES_MARKERS).size).toBe(n);
    expect(new Set(SERIES_PATTERNS).size).toBe(n);
  });

  it("labels bars briefly, and not at all for a zero", () => {
    expect(dataLabelFormat("0.0%")).toBe("0%;-0%;;");
    expect(dataLabelFormat("0.0")).toBe("0.0;-0.0;;");
    expect(dataLabelFormat(undefined)).toBe("0.0;-0.0;;");
  });
});
