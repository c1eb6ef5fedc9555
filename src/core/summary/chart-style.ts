/**
 * How the summary's charts look in both hosts, so a series is told apart without its colour
 * (WCAG 2.2: 1.4.1 Use of colour, 1.4.11 Non-text contrast):
 *
 * - colours: each at least 3:1 against the white plot area, and black text on each at least
 *   4.5:1, so a data label inside a bar stays readable; hues from Okabe and Ito's palette,
 *   darkened where the original fails (its orange E69F00 and sky blue 56B4E9 are about 2.3:1);
 * - bars carry their values as data labels (inside a stacked bar, above a clustered one) and, in
 *   the .xlsx files, a pattern per series (Office.js has no pattern fill);
 * - lines carry a different marker per series.
 */

/** Series colours, in order (hex, no "#"); the workbench viewer draws its charts with the same ones. */
export const SERIES_COLOURS = ["2A7FB8", "D55E00", "009E73", "CC79A7", "A66F00", "767676"];

/** Line markers, in order (the names DrawingML and Office.js's ChartMarkerStyle share, lower case). */
export const SERIES_MARKERS = ["circle", "square", "diamond", "triangle", "x", "star"] as const;

/** Bar fills in order: solid, then DrawingML preset patterns (series colour on white). */
export const SERIES_PATTERNS = [null, "dkUpDiag", "dkHorz", "smCheck", "dkVert", "dkDnDiag"];

/** Text on the charts (titles, axes, labels outside bars): dark grey, 10:1 on white. */
export const CHART_TEXT = "404040";

export function seriesColour(k: number): string {
  return SERIES_COLOURS[k % SERIES_COLOURS.length];
}

export function seriesMarker(k: number): (typeof SERIES_MARKERS)[number] {
  return SERIES_MARKERS[k % SERIES_MARKERS.length];
}

export function seriesPattern(k: number): string | null {
  return SERIES_PATTERNS[k % SERIES_PATTERNS.length];
}

/**
 * A data label's number format: the series' own, with a percentage to whole numbers (labels
 * beside narrow bars must stay short), and nothing shown for a zero (a stacked bar's empty part).
 */
export function dataLabelFormat(format: string | undefined): string {
  const f = !format || format === "General" ? "0.0" : /%/.test(format) ? "0%" : format;
  return `${f};-${f};;`;
}

/** WCAG relative luminance of a hex colour ("2A7FB8"). */
export function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two hex colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
