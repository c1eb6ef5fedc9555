/**
 * The bench's log-log chart of time against rows (docs/bench-scaling.svg): one line per series,
 * each with its own colour, marker and dash (told apart without colour), a title and a
 * description for screen readers, and the figures as text at each point's end.
 */
import { SERIES_COLOURS, CHART_TEXT } from "../src/core/summary/chart-style";

export interface Series {
  name: string;
  /** [rows, seconds]; points with no figure are left out. */
  points: [number, number][];
  dashed?: boolean;
}

const WIDTH = 760;
const HEIGHT = 460;
const PLOT = { left: 70, right: 250, top: 50, bottom: 60 };
// A different dash and marker per series (six series at most).
const DASHES = ["", "6 4", "2 3", "10 3 2 3", "14 4", "4 2 4 6"];
const MARKERS = ["circle", "square", "diamond", "triangle", "plus", "down"] as const;

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function marker(kind: (typeof MARKERS)[number], x: number, y: number, colour: string): string {
  const r = 4.5;
  switch (kind) {
    case "circle":
      return `<circle cx="${x}" cy="${y}" r="${r}" fill="#${colour}"/>`;
    case "square":
      return `<rect x="${x - r}" y="${y - r}" width="${2 * r}" height="${2 * r}" fill="#${colour}"/>`;
    case "diamond":
      return `<path d="M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z" fill="#${colour}"/>`;
    case "triangle":
      return `<path d="M${x} ${y - r - 1}L${x + r + 1} ${y + r}L${x - r - 1} ${y + r}Z" fill="#${colour}"/>`;
    case "down":
      return `<path d="M${x} ${y + r + 1}L${x + r + 1} ${y - r}L${x - r - 1} ${y - r}Z" fill="#${colour}"/>`;
    case "plus":
      return `<path d="M${x - r - 1} ${y}H${x + r + 1}M${x} ${y - r - 1}V${y + r + 1}" stroke="#${colour}" stroke-width="3"/>`;
  }
}

function seconds(s: number): string {
  if (s >= 1) return `${+s.toFixed(1)} s`;
  return `${+(s * 1000).toFixed(0)} ms`;
}

/** The chart as SVG text. Both axes are logarithmic (powers of ten). */
export function scalingChart(title: string, description: string, series: Series[]): string {
  const all = series.flatMap((s) => s.points);
  const decade = (v: number, up: boolean) =>
    10 ** (up ? Math.ceil(Math.log10(v)) : Math.floor(Math.log10(v)));
  const x0 = decade(Math.min(...all.map((p) => p[0])), false);
  const x1 = decade(Math.max(...all.map((p) => p[0])), true);
  const y0 = decade(Math.min(...all.map((p) => p[1])), false);
  const y1 = decade(Math.max(...all.map((p) => p[1])), true);
  const w = WIDTH - PLOT.left - PLOT.right;
  const h = HEIGHT - PLOT.top - PLOT.bottom;
  const px = (v: number) =>
    +(
      PLOT.left +
      ((Math.log10(v) - Math.log10(x0)) / (Math.log10(x1) - Math.log10(x0))) * w
    ).toFixed(1);
  const py = (v: number) =>
    +(
      PLOT.top +
      h -
      ((Math.log10(v) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0))) * h
    ).toFixed(1);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="t d" font-family="Segoe UI, Arial, sans-serif" font-size="12">`,
    `<title id="t">${escapeXml(title)}</title>`,
    `<desc id="d">${escapeXml(description)}</desc>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${PLOT.left}" y="28" font-size="15" font-weight="600" fill="#${CHART_TEXT}">${escapeXml(title)}</text>`,
  ];
  for (let v = x0; v <= x1; v *= 10) {
    out.push(
      `<line x1="${px(v)}" y1="${PLOT.top}" x2="${px(v)}" y2="${PLOT.top + h}" stroke="#d0d0d0"/>`,
      `<text x="${px(v)}" y="${PLOT.top + h + 18}" text-anchor="middle" fill="#${CHART_TEXT}">${v.toLocaleString("en-GB")}</text>`
    );
  }
  for (let v = y0; v <= y1 * 1.0001; v *= 10) {
    out.push(
      `<line x1="${PLOT.left}" y1="${py(v)}" x2="${PLOT.left + w}" y2="${py(v)}" stroke="#d0d0d0"/>`,
      `<text x="${PLOT.left - 8}" y="${py(v) + 4}" text-anchor="end" fill="#${CHART_TEXT}">${seconds(v)}</text>`
    );
  }
  out.push(
    `<rect x="${PLOT.left}" y="${PLOT.top}" width="${w}" height="${h}" fill="none" stroke="#${CHART_TEXT}"/>`,
    `<text x="${PLOT.left + w / 2}" y="${HEIGHT - 18}" text-anchor="middle" fill="#${CHART_TEXT}">staff rows (log scale)</text>`,
    `<text transform="translate(18 ${PLOT.top + h / 2}) rotate(-90)" text-anchor="middle" fill="#${CHART_TEXT}">time (log scale)</text>`
  );
  series.forEach((s, k) => {
    const colour = SERIES_COLOURS[k % SERIES_COLOURS.length];
    const points = [...s.points].sort((a, b) => a[0] - b[0]);
    if (points.length === 0) return;
    const dash = DASHES[k % DASHES.length];
    out.push(
      `<polyline fill="none" stroke="#${colour}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ""} points="${points.map(([r, t]) => `${px(r)},${py(t)}`).join(" ")}"/>`
    );
    for (const [r, t] of points)
      out.push(marker(MARKERS[k % MARKERS.length], px(r), py(t), colour));
    const ly = PLOT.top + 14 + k * 22;
    const lx = PLOT.left + w + 16;
    out.push(
      `<line x1="${lx}" y1="${ly - 4}" x2="${lx + 26}" y2="${ly - 4}" stroke="#${colour}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`,
      marker(MARKERS[k % MARKERS.length], lx + 13, ly - 4, colour),
      `<text x="${lx + 32}" y="${ly}" fill="#${CHART_TEXT}">${escapeXml(s.name)}</text>`
    );
  });
  out.push("</svg>");
  return out.join("\n") + "\n";
}
