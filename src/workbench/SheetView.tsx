/** One sheet as a grid (with formats and simple styles) and its charts drawn in the page. */
import * as React from "react";
import { cellAddress } from "../core/summary/plan";
import { ChartView } from "./ChartView";
import { formatCell } from "./format";
import { MAX_ROWS, type ViewSheet } from "./sheet-model";

export function SheetView({ sheet }: { sheet: ViewSheet }) {
  const columns = Math.max(0, ...sheet.rows.map((r) => r.length));
  return (
    <div className="sheet">
      <div className="grid-wrap" tabIndex={0} aria-label={`Cells of ${sheet.name}`}>
        <table className="grid">
          <thead>
            <tr>
              <th scope="col" />
              {Array.from({ length: columns }, (_, c) => (
                <th scope="col" key={c}>
                  {cellAddress(0, c).replace(/\d+$/, "")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map((row, r) => (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {row.map((cell, c) => (
                  <td
                    key={c}
                    className={
                      [
                        cell.bold ? "b" : "",
                        cell.italic ? "i" : "",
                        typeof cell.value === "number" ? "n" : "",
                      ]
                        .join(" ")
                        .trim() || undefined
                    }
                    data-filled={cell.fill ? "yes" : undefined}
                  >
                    {formatCell(cell.value, cell.format)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sheet.charts.length > 0 && (
        <div className="charts">
          {sheet.charts.map((c) => (
            <ChartView key={c.title} chart={c} sheet={sheet} />
          ))}
        </div>
      )}
      {sheet.rowCount > MAX_ROWS && (
        <p className="note">
          Showing the first {MAX_ROWS} of {sheet.rowCount} rows. Download the workbook to see them
          all.
        </p>
      )}
    </div>
  );
}
