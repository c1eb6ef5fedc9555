/**
 * The summary charts' series colours, shared by the workbook's charts (src/host/xlsx/charts.ts)
 * and the workbench's viewer, so both show the same. Based on the Okabe–Ito palette
 * (distinguishable with the common colour-vision deficiencies), each at least 3:1 against white
 * (WCAG 1.4.11): its orange and sky blue (2.2:1) are darkened, its yellow and grey left out.
 * Neighbouring series differ in hue across the blue–orange axis that colour-blind readers see.
 */
export const SERIES_COLOURS = [
  "0072B2", // blue, 5.2:1
  "D55E00", // vermillion, 3.9:1
  "009E73", // bluish green, 3.4:1
  "CC79A7", // reddish purple, 3.1:1
  "8F5E00", // dark orange, 5.6:1
  "3C8DBF", // sky blue, darkened, 3.7:1
  "000000", // black, 21:1
  "767676", // grey, 4.5:1
] as const;
