/**
 * One sheet as a grid (with formats and simple styles) and its charts drawn in the page. The grid
 * scrolls in a region of its own that the keyboard can reach (Tab to it, then the arrow keys
 * scroll). The cell the pane selected (a problem's cell) is highlighted and scrolled into view,
 * as Excel selects it.
 */
import * as React from "react";
import { parseAddress } from "../host/sheet-helpers";
import { cellAddress } from "../core/summary/plan";
import { ChartView } from "./ChartView";
import { formatCell } from "./format";
import { MAX_ROWS, type ViewSheet } from "./sheet-model";

export interface CellRef {
  sheet: string;
  /** A1 address, as the pane selects it. */
  address: string;
}

function position(address: string | null): { row: number; column: number } | null {
  if (!address) return null;
  try {
    const { row, column } = parseAddress(address);
    return { row, column };
  } catch {
    return null;
  }
}

export function SheetView({ sheet, selected }: { sheet: ViewSheet; selected?: string | null }) {
  const columns = Math.max(0, ...sheet.rows.map((r) => r.length));
  const at = position(selected ?? null);
  const wrap = React.useRef<HTMLDivElement>(null);

  // Scroll the grid (not the page) so the selected cell is in view, below the sticky headings.
  React.useEffect(() => {
    const box = wrap.current;
    const cell = box?.querySelector<HTMLElement>("td[data-selected]");
    if (!box) return;
    if (!cell) {
      box.scrollTop = 0;
      box.scrollLeft = 0;
      return;
    }
    const head = box.querySelector("thead")?.getBoundingClientRect().height ?? 0;
    const rowHead = box.querySelector("tbody th")?.getBoundingClientRect().width ?? 0;
    box.scrollTop = Math.max(0, cell.offsetTop - head - (box.clientHeight - head) / 3);
    box.scrollLeft = Math.max(0, cell.offsetLeft - rowHead - (box.clientWidth - rowHead) / 3);
  }, [sheet, selected]);

  const outOfView = at !== null && (at.row >= sheet.rows.length || at.column >= columns);
  return (
    <div className="sheet">
      {sheet.rows.length === 0 ? (
        <p className="note">This sheet is empty.</p>
      ) : (
        <div
          ref={wrap}
          className="grid-wrap"
          role="region"
          tabIndex={0}
          aria-label={`Cells of ${sheet.name}`}
        >
          <table className="grid">
            <thead>
              <tr>
                <td className="corner" />
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
                  {row.map((cell, c) => {
                    const isSelected = at !== null && at.row === r && at.column === c;
                    return (
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
                        data-selected={isSelected ? "yes" : undefined}
                        aria-label={
                          isSelected
                            ? `Selected: ${formatCell(cell.value, cell.format)}`
                            : undefined
                        }
                      >
                        {formatCell(cell.value, cell.format)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected && (
        <p className="note">
          {outOfView
            ? `Cell ${selected} is selected; it is beyond what the viewer shows. Download the workbook to see it.`
            : `Cell ${selected} is selected.`}
        </p>
      )}
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
