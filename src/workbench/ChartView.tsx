/**
 * A summary chart drawn in the page (SVG) from the same cells the Excel chart is bound to, so
 * the workbench shows what the workbook's chart shows, in the workbook's series colours.
 * Clustered, stacked and 100 % stacked columns, and lines. The value axis has round ticks (1, 2,
 * 2.5 or 5 times a power of ten); category labels wrap onto up to three lines under their column,
 * or are turned when a word is wider than the column, and the drawing grows to hold them, so no
 * label is cut or overlaps another.
 */
import * as React from "react";
import { SERIES_COLOURS } from "../core/summary/chart-style";
import type { ChartSpec, RangeSpec } from "../core/summary/plan";
import type { ViewSheet } from "./sheet-model";

const PALETTE = SERIES_COLOURS.map((c) => `#${c}`);
const W = 520;
const PLOT_H = 200;
const TOP = 10;
const RIGHT = 10;
/** Average width of a character of the 10 px tick font, in SVG units (generous). */
const CHAR_W = 6;
const LINE_H = 12;
const MAX_LINES = 3;

function cellsOf(sheet: ViewSheet, r: RangeSpec): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < r.rows; i++)
    for (let j = 0; j < r.columns; j++)
      out.push(sheet.rows[r.row + i]?.[r.column + j]?.value ?? null);
  return out;
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/** Round ticks from 0 to at least `max`: about `count` steps of 1, 2, 2.5 or 5 × 10^k. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let i = 0; i * step < max + step * 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  if (ticks[ticks.length - 1] < max - step * 1e-9) ticks.push(ticks.length * step);
  if (ticks.length === 1) ticks.push(step);
  return ticks;
}

/** A label's words on lines of at most `width` characters (a longer word keeps its own line). */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [""];
}

export function ChartView({ chart, sheet }: { chart: ChartSpec; sheet: ViewSheet }) {
  const categories = cellsOf(sheet, chart.categories).map((c) => String(c ?? ""));
  const series = chart.series.map((s) => cellsOf(sheet, s.values).map(num));
  const stacked = chart.type === "columnStacked" || chart.type === "columnStacked100";
  const totals = categories.map((_, i) => series.reduce((s, values) => s + values[i], 0));
  const values =
    chart.type === "columnStacked100"
      ? series.map((vs) => vs.map((v, i) => (totals[i] ? v / totals[i] : 0)))
      : series;
  const dataMax = Math.max(
    0,
    ...(stacked ? (chart.type === "columnStacked100" ? [1] : totals) : values.flat())
  );
  const percent =
    chart.type === "columnStacked100" ||
    /rate|%/i.test(chart.title + chart.series.map((s) => s.name).join(" "));
  const ticks = niceTicks(chart.type === "columnStacked100" ? 1 : dataMax);
  const max = ticks[ticks.length - 1];
  const tickText = (v: number) =>
    percent
      ? `${Number((v * 100).toPrecision(12)).toLocaleString("en-GB")}%`
      : v.toLocaleString("en-GB");

  const left = 8 + CHAR_W * Math.max(...ticks.map((t) => tickText(t).length));
  const plotW = W - left - RIGHT;
  const band = plotW / Math.max(1, categories.length);
  const perLine = Math.max(1, Math.floor((band - 4) / CHAR_W));
  const wrapped = categories.map((c) => wrapLabel(c, perLine));
  const turned = wrapped.some((ls) => ls.length > MAX_LINES || ls.some((l) => l.length > perLine));
  const longest = Math.max(0, ...categories.map((c) => c.length));
  // A label turned by 40° needs about sin(40°) of its length below the axis.
  const bottom = turned
    ? 16 + Math.ceil(longest * CHAR_W * 0.65)
    : 8 + LINE_H * Math.max(1, ...wrapped.map((ls) => ls.length));
  const H = TOP + PLOT_H + bottom;
  // A turned label reaches left of its column by cos(40°) of its length: widen the drawing there.
  const spill = turned
    ? Math.max(
        0,
        ...categories.map((c, i) => c.length * CHAR_W * 0.77 - (left + band * (i + 0.5)) + 4)
      )
    : 0;
  const y = (v: number) => TOP + PLOT_H - (v / max) * PLOT_H;
  const baseY = TOP + PLOT_H;

  return (
    <figure className="chart">
      <figcaption>{chart.title}</figcaption>
      <svg
        viewBox={`${-Math.ceil(spill)} 0 ${W + Math.ceil(spill)} ${H}`}
        role="img"
        aria-label={chart.altText}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={W - RIGHT} y1={y(t)} y2={y(t)} className="gridline" />
            <text x={left - 4} y={y(t) + 3.5} textAnchor="end" className="tick">
              {tickText(t)}
            </text>
          </g>
        ))}
        {chart.type === "line"
          ? values.map((vs, s) => (
              <g key={s}>
                <polyline
                  fill="none"
                  stroke={PALETTE[s % PALETTE.length]}
                  strokeWidth={2}
                  points={vs.map((v, i) => `${left + band * (i + 0.5)},${y(v)}`).join(" ")}
                />
                {vs.map((v, i) => (
                  <circle
                    key={i}
                    cx={left + band * (i + 0.5)}
                    cy={y(v)}
                    r={3}
                    fill={PALETTE[s % PALETTE.length]}
                  />
                ))}
              </g>
            ))
          : categories.map((_, i) => {
              let base = 0;
              return values.map((vs, s) => {
                const v = vs[i];
                const width = stacked ? band * 0.6 : (band * 0.8) / values.length;
                const x = left + band * i + (stacked ? band * 0.2 : band * 0.1 + width * s);
                const top = stacked ? base + v : v;
                const rect = (
                  <rect
                    key={`${i}-${s}`}
                    x={x}
                    y={y(top)}
                    width={Math.max(1, width - 1)}
                    height={Math.max(0, y(stacked ? base : 0) - y(top))}
                    fill={PALETTE[s % PALETTE.length]}
                    stroke="#ffffff"
                    strokeWidth={stacked ? 1 : 0}
                  />
                );
                base += stacked ? v : 0;
                return rect;
              });
            })}
        <line x1={left} x2={W - RIGHT} y1={baseY} y2={baseY} className="axis" />
        {categories.map((c, i) => {
          const x = left + band * (i + 0.5);
          return turned ? (
            <text
              key={c + i}
              x={x}
              y={baseY + 12}
              textAnchor="end"
              transform={`rotate(-40 ${x} ${baseY + 12})`}
              className="tick"
            >
              {c}
            </text>
          ) : (
            <text key={c + i} x={x} y={baseY + 14} textAnchor="middle" className="tick">
              {wrapped[i].map((line, k) => (
                <tspan key={k} x={x} dy={k === 0 ? 0 : LINE_H}>
                  {line}
                </tspan>
              ))}
            </text>
          );
        })}
      </svg>
      <ul className="legend">
        {chart.series.map((s, i) => (
          <li key={s.name}>
            <svg className="swatch" viewBox="0 0 10 10" aria-hidden="true">
              <rect width="10" height="10" fill={PALETTE[i % PALETTE.length]} />
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}
