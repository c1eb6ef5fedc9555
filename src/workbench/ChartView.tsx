/**
 * A summary chart drawn in the page (SVG) from the same cells the Excel chart is bound to, so
 * the workbench shows what the workbook's chart shows. Clustered, stacked and 100 % stacked
 * columns, and lines.
 */
import * as React from "react";
import type { ChartSpec, RangeSpec } from "../core/summary/plan";
import type { ViewSheet } from "./sheet-model";

const PALETTE = [
  "#0F6CBD",
  "#C50F1F",
  "#107C10",
  "#8764B8",
  "#CA5010",
  "#038387",
  "#5C2E91",
  "#986F0B",
];
const W = 520;
const H = 260;
const PAD = { left: 44, right: 8, top: 8, bottom: 48 };

function cellsOf(sheet: ViewSheet, r: RangeSpec): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < r.rows; i++)
    for (let j = 0; j < r.columns; j++)
      out.push(sheet.rows[r.row + i]?.[r.column + j]?.value ?? null);
  return out;
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

export function ChartView({ chart, sheet }: { chart: ChartSpec; sheet: ViewSheet }) {
  const categories = cellsOf(sheet, chart.categories).map((c) => String(c ?? ""));
  const series = chart.series.map((s) => cellsOf(sheet, s.values).map(num));
  const stacked = chart.type === "columnStacked" || chart.type === "columnStacked100";
  const totals = categories.map((_, i) => series.reduce((s, values) => s + values[i], 0));
  const values =
    chart.type === "columnStacked100"
      ? series.map((vs) => vs.map((v, i) => (totals[i] ? v / totals[i] : 0)))
      : series;
  const max = Math.max(
    1e-9,
    ...(stacked ? (chart.type === "columnStacked100" ? [1] : totals) : values.flat())
  );
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const band = plotW / Math.max(1, categories.length);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const percent =
    chart.type === "columnStacked100" ||
    /rate|%/i.test(chart.title + chart.series.map((s) => s.name).join(" "));
  const tick = (v: number) =>
    percent ? `${Math.round(v * 100)}%` : String(Math.round(v * 10) / 10);

  return (
    <figure className="chart">
      <figcaption>{chart.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={chart.altText}>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(max * f)}
              y2={y(max * f)}
              className="grid"
            />
            <text x={PAD.left - 4} y={y(max * f) + 4} textAnchor="end" className="tick">
              {tick(max * f)}
            </text>
          </g>
        ))}
        {chart.type === "line"
          ? values.map((vs, s) => (
              <polyline
                key={s}
                fill="none"
                stroke={PALETTE[s % PALETTE.length]}
                strokeWidth={2}
                points={vs.map((v, i) => `${PAD.left + band * (i + 0.5)},${y(v)}`).join(" ")}
              />
            ))
          : categories.map((_, i) => {
              let base = 0;
              return values.map((vs, s) => {
                const v = vs[i];
                const width = stacked ? band * 0.6 : (band * 0.8) / values.length;
                const x = PAD.left + band * i + (stacked ? band * 0.2 : band * 0.1 + width * s);
                const top = stacked ? base + v : v;
                const rect = (
                  <rect
                    key={`${i}-${s}`}
                    x={x}
                    y={y(top)}
                    width={Math.max(1, width - 1)}
                    height={Math.max(0, y(stacked ? base : 0) - y(top))}
                    fill={PALETTE[s % PALETTE.length]}
                  />
                );
                base += stacked ? v : 0;
                return rect;
              });
            })}
        {categories.map((c, i) => (
          <text
            key={c + i}
            x={PAD.left + band * (i + 0.5)}
            y={H - PAD.bottom + 14}
            textAnchor="middle"
            className="tick"
          >
            {c.length > 11 ? `${c.slice(0, 10)}…` : c}
          </text>
        ))}
      </svg>
      <ul className="legend">
        {chart.series.map((s, i) => (
          <li key={s.name}>
            <span className="swatch" data-colour={i % PALETTE.length} />
            {s.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}
