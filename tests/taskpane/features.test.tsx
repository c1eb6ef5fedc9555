// @vitest-environment jsdom
/**
 * The pane's Prepare to share, Benchmarks and Census against an in-memory workbook. Prepare to
 * share uses core's real summary builder (its shareable workbook is opened with ExcelJS); the
 * benchmarks use DfE's bundled figures, which must load only when the section is opened.
 */
import "./setup";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import * as React from "react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { INDICATORS_CSV } from "../../src/core/comparators/dfe-files.generated";
import { buildSummaryPlan as realBuildSummaryPlan } from "../../src/core/summary/build";
import type { WorkbookPlan } from "../../src/core/summary/plan";
import type { WriteProgress, WriteResult } from "../../src/host/workbook-port";
import { App } from "../../src/taskpane/app/App";
import type { AppProps, SummaryInput } from "../../src/taskpane/app/types";
import { FakeHost, fakePlan } from "./fake-host";
import { workbook } from "./fixtures";

const dfe = vi.hoisted(() => ({ loads: 0 }));
vi.mock("../../src/core/comparators/dfe", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/core/comparators/dfe")>();
  return {
    ...original,
    bundledIndicators: () => {
      dfe.loads++;
      return original.bundledIndicators();
    },
  };
});

const CENSUS_XML = readFileSync(
  join(__dirname, "..", "census", "fixtures", "csww-sample-return-2022.xml"),
  "utf8"
);

function renderPane(host: FakeHost, overrides: Partial<AppProps> = {}) {
  const buildSummaryPlan = vi.fn((input: SummaryInput) => {
    void input;
    return fakePlan("summary", "Scrutiny summary");
  });
  const user = userEvent.setup();
  const view = render(
    <App
      host={host}
      buildSummaryPlan={buildSummaryPlan}
      buildTemplatePlan={() => fakePlan("staff-template", "Staff template")}
      version="0.1.0-test"
      {...overrides}
    />
  );
  return { user, view, buildSummaryPlan };
}

/**
 * Waits until the staff table has been read and ingested, then opens Data again: it closes itself
 * once every required column is recognised.
 */
const ready = async () => {
  await screen.findByText(/^Staff: .*, \d+ rows, /);
  const data = within(screen.getByRole("heading", { level: 2, name: "Data" })).getByRole("button");
  if (data.getAttribute("aria-expanded") !== "true") await userEvent.click(data);
  await screen.findByText(/^Staff rows in /);
};
const section = (name: string | RegExp) =>
  screen.getByRole("heading", { level: 2, name }).parentElement as HTMLElement;
const openSection = async (user: ReturnType<typeof userEvent.setup>, name: string) =>
  user.click(within(screen.getByRole("heading", { level: 2, name })).getByRole("button"));
const optionTexts = (select: HTMLSelectElement) =>
  Array.from(select.options).map((o) => o.textContent);
const selectedText = (select: HTMLSelectElement) =>
  select.options[select.selectedIndex]?.textContent;

/** A chosen file, as the file input gets it. */
const file = (text: string, name: string, type: string) => new File([text], name, { type });

/** A workbook where a written plan's tables appear as tables (as Excel and the .xlsx adapter do). */
class WritingHost extends FakeHost {
  override async writePlan(plan: WorkbookPlan, progress?: WriteProgress): Promise<WriteResult> {
    const result = await super.writePlan(plan, progress);
    for (const sheet of plan.sheets)
      for (const table of sheet.tables)
        this.sources.push({
          sheet: sheet.preferredName,
          table: table.name,
          firstRow: table.row + 1,
          firstColumn: table.column,
          grid: table.cells.map((row) => row.map((cell) => cell.value ?? null)),
        });
    return result;
  }
}

let downloads: { name: string; href: string }[] = [];
beforeEach(() => {
  downloads = [];
  window.URL.createObjectURL = vi.fn(() => `blob:test/${downloads.length}`);
  window.URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement
  ) {
    downloads.push({ name: this.download, href: this.href });
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("Prepare to share", () => {
  test("opens a new workbook of values only (one sheet, no formulas), leaving this one unchanged", async () => {
    const host = new FakeHost(workbook().sources);
    host.delivery = "opened";
    const buildSummaryPlan = vi.fn(realBuildSummaryPlan);
    const { user } = renderPane(host, { buildSummaryPlan });
    await ready();
    await user.click(screen.getByRole("button", { name: "Prepare to share" }));
    expect(
      await screen.findByText(
        "A new workbook holds the shareable summary: values only, no staff data, groups of fewer than 5 people, and figures that would reveal them, shown as c. This workbook is unchanged.",
        {},
        { timeout: 20_000 }
      )
    ).toBeTruthy();
    expect(host.delivered).toHaveLength(1);
    const { data: bytes, name, type } = host.delivered[0];
    expect(type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(name).toMatch(/^Scrutiny summary to share \d{4}-\d{2}-\d{2}\.xlsx$/);
    // The builder had the same input as Build.
    expect(buildSummaryPlan.mock.calls[0][0].source).toEqual({
      staffTable: "Staff",
      postsTable: "Posts",
    });
    // This workbook: nothing written.
    expect(host.written).toEqual([]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((ws) => ws.name)).toEqual(["Scrutiny summary"]);
    let cells = 0;
    const texts: string[] = [];
    book.worksheets[0].eachRow((row) =>
      row.eachCell((cell) => {
        cells++;
        expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula, cell.address).toBeFalsy();
        if (typeof cell.value === "string") texts.push(cell.value);
      })
    );
    expect(cells).toBeGreaterThan(100);
    expect(texts.some((t) => t.startsWith("c: not shown to protect individuals"))).toBe(true);
  }, 30_000);

  test("where Excel can neither open nor save the file, the summary goes on a sheet of its own", async () => {
    const host = new FakeHost(workbook().sources);
    host.delivery = "unavailable";
    const { user } = renderPane(host, { buildSummaryPlan: realBuildSummaryPlan });
    await ready();
    await user.click(screen.getByRole("button", { name: "Prepare to share" }));
    const text = await screen.findByText(
      /^Excel could not open a new workbook here, so the shareable summary/,
      {},
      { timeout: 20_000 }
    );
    expect(text.textContent).toContain('is on the new sheet "Summary to share"');
    expect(text.textContent).toContain("Move or Copy");
    expect(host.delivered).toHaveLength(1);
    // One sheet, handed to the user: values only, never the product's (a rebuild keeps it).
    expect(host.written).toHaveLength(1);
    const [sheet] = host.written[0].sheets;
    expect(sheet.key).toBe("shareable");
    expect(sheet.preferredName).toBe("Summary to share");
    expect(sheet.names).toEqual([]);
    const cells = sheet.blocks.flatMap((b) => b.cells.flat());
    expect(cells.filter((c) => c.formula !== undefined)).toEqual([]);
    expect(String(cells[0].value)).toMatch(/^To share: right-click this sheet's tab/);
    expect(downloads).toEqual([]);
  }, 30_000);

  test("a failure shows as a message in Build", async () => {
    // A builder's plan with no summary sheet cannot be shared: said plainly.
    const host = new FakeHost(workbook().sources);
    const { user } = renderPane(host, {
      buildSummaryPlan: () => fakePlan("staff-template", "Staff template"),
    });
    await ready();
    await user.click(screen.getByRole("button", { name: "Prepare to share" }));
    const title = await within(section("Build")).findByText(
      "Could not prepare the summary to share."
    );
    expect((title.closest(".fui-MessageBar") as HTMLElement).textContent).toContain(
      "the plan has no summary sheet to share."
    );
    expect(host.delivered).toEqual([]);
    expect(host.written).toEqual([]);
  });
});

describe("Benchmarks", () => {
  test("DfE's figures load when the section is opened; the list filters; the choice is saved and restored; Build passes it", async () => {
    const host = new FakeHost(workbook().sources);
    const first = renderPane(host);
    await ready();
    const loadsBefore = dfe.loads;
    // Not at start-up: the section is closed and nothing is loaded.
    await new Promise((r) => setTimeout(r, 50));
    expect(dfe.loads).toBe(loadsBefore);
    expect(screen.queryByLabelText("Find your local authority")).toBeNull();

    await openSection(first.user, "Benchmarks");
    const search = await screen.findByLabelText(
      "Find your local authority",
      {},
      { timeout: 20_000 }
    );
    expect(dfe.loads).toBe(loadsBefore + 1);
    const la = screen.getByLabelText<HTMLSelectElement>("Your local authority");
    expect(la.options.length).toBeGreaterThan(150);
    await first.user.type(search, "manch");
    expect(optionTexts(la)).toEqual(["None (no benchmarks)", "Manchester (352)"]);
    await first.user.clear(search);
    await first.user.type(search, "352");
    expect(optionTexts(la)).toEqual(["None (no benchmarks)", "Manchester (352)"]);
    await first.user.selectOptions(la, "352");

    // DfE's published rates for the LA, latest year.
    const preview = screen.getByRole("region", { name: "DfE's figures for your local authority" });
    expect(preview.textContent).toContain(
      "Manchester, North West: as DfE published them for 2025."
    );
    expect(preview.textContent).toContain("Vacancy rate: 11.7%");
    expect(preview.textContent).toContain("Agency rate: 5.9%");
    expect(preview.textContent).toContain("Turnover rate: 13.2%");
    await waitFor(() => expect(host.saved.at(-1)?.benchmarks).toEqual({ la: "352" }));

    await first.user.click(screen.getByRole("button", { name: "Build scrutiny summary" }));
    await waitFor(() => expect(first.buildSummaryPlan).toHaveBeenCalledTimes(1));
    const input = first.buildSummaryPlan.mock.calls[0][0];
    expect(input.benchmarks?.la).toBe("352");
    expect(input.benchmarks?.indicators.area("352", 2025)?.name).toBe("Manchester");
    first.view.unmount();

    // Opened again: the choice is restored; Build passes it without the section being opened.
    const second = renderPane(host);
    await ready();
    expect(
      screen.getByText("The summary will show DfE's benchmarks for LA 352 (chosen in Benchmarks).")
    ).toBeTruthy();
    await second.user.click(screen.getByRole("button", { name: "Build scrutiny summary" }));
    await waitFor(() => expect(second.buildSummaryPlan).toHaveBeenCalledTimes(1));
    expect(second.buildSummaryPlan.mock.calls[0][0].benchmarks?.la).toBe("352");
    await openSection(second.user, "Benchmarks");
    const restored = await screen.findByLabelText<HTMLSelectElement>("Your local authority");
    expect(selectedText(restored)).toBe("Manchester (352)");
    expect(
      screen.getByText(
        "The summary will show DfE's benchmarks for Manchester (chosen in Benchmarks)."
      )
    ).toBeTruthy();
  }, 60_000);

  test("a file that is not DfE's indicators file is refused, naming the missing columns", async () => {
    const host = new FakeHost(workbook().sources);
    const { user } = renderPane(host);
    await ready();
    await openSection(user, "Benchmarks");
    const input = await screen.findByLabelText("Load a newer DfE indicators file");
    await user.upload(
      input as HTMLInputElement,
      file("time_period,la_name,vacancy_rate\n2025,Manchester,11.7\n", "indicators.csv", "text/csv")
    );
    const title = await screen.findByText("indicators.csv cannot be used.");
    const bar = title.closest(".fui-MessageBar") as HTMLElement;
    expect(bar.textContent).toContain(
      "This is not DfE's indicators file, or its columns have changed: missing geographic_level, region_code, region_name, old_la_code, new_la_code,"
    );
    expect(bar.textContent).toContain("vacancy_rate_fte");
    expect(host.saved.some((s) => s.benchmarks !== undefined)).toBe(false);
  }, 30_000);

  test("a newer indicators file is saved in the workbook and says which years it covers", async () => {
    const host = new FakeHost(workbook().sources);
    const { user, view, buildSummaryPlan } = renderPane(host);
    await ready();
    await openSection(user, "Benchmarks");
    const input = await screen.findByLabelText("Load a newer DfE indicators file");
    // DfE's file cut to two years.
    const lines = INDICATORS_CSV.split("\n");
    const csv = [lines[0], ...lines.filter((l) => /^(2024|2025),/.test(l))].join("\n");
    await user.upload(input as HTMLInputElement, file(csv, "cla_indicators.csv", "text/csv"));
    expect(await screen.findByText("Loaded DfE's indicators for 2024 to 2025.")).toBeTruthy();
    expect(
      screen.getByText(
        "Figures from the DfE indicators file loaded into this workbook (2024 to 2025)."
      )
    ).toBeTruthy();
    await user.selectOptions(screen.getByLabelText("Your local authority"), "352");
    await waitFor(() =>
      expect(host.saved.at(-1)?.benchmarks).toEqual({ la: "352", indicatorsCsv: csv })
    );
    view.unmount();

    // A colleague opening the workbook gets the same comparators.
    const again = renderPane(host);
    await ready();
    await again.user.click(screen.getByRole("button", { name: "Build scrutiny summary" }));
    await waitFor(() => expect(again.buildSummaryPlan).toHaveBeenCalledTimes(1));
    expect(again.buildSummaryPlan.mock.calls[0][0].benchmarks?.indicators.years()).toEqual([
      2024, 2025,
    ]);
    expect(buildSummaryPlan).not.toHaveBeenCalled();
  }, 60_000);
});

describe("Census", () => {
  test("importing a return writes the census staff plan, reports it, and offers its table as the staff table", async () => {
    const host = new WritingHost(workbook().sources);
    const { user } = renderPane(host);
    await ready();
    await openSection(user, "Census");
    await user.upload(
      screen.getByLabelText<HTMLInputElement>("Import census file"),
      file(CENSUS_XML, "return-2022.xml", "application/xml")
    );
    const status = await screen.findByText(
      /^Imported 30 workers from return-2022\.xml/,
      {},
      {
        timeout: 20_000,
      }
    );
    expect(status.textContent).toBe(
      "Imported 30 workers from return-2022.xml (collection year 2022, LA 301) to the sheet Census staff 2022."
    );
    expect(host.written).toHaveLength(1);
    expect(host.written[0].sheets.map((s) => s.key)).toEqual(["census-staff"]);
    expect(
      screen.getByText(/^The return itself has \d+ problems \(\d+ errors?, \d+ warnings?\)\.$/)
    ).toBeTruthy();
    expect(
      screen.getByText("LA-level vacancies read: 79.68 FTE, and 59.82 agency FTE.")
    ).toBeTruthy();

    await user.click(
      await screen.findByRole("button", { name: "Use CensusStaff as the staff table" })
    );
    const staffTable = screen.getByLabelText<HTMLSelectElement>("Staff table");
    expect(selectedText(staffTable)).toMatch(/^CensusStaff \(table on Census staff 2022/);
    expect(await screen.findByText(/^Staff rows in CensusStaff: 30 found/)).toBeTruthy();
    expect(screen.getByText("CensusStaff is the staff table.")).toBeTruthy();
  }, 30_000);

  test("a file that is not a census return is refused with the reason", async () => {
    const host = new FakeHost(workbook().sources);
    const { user } = renderPane(host);
    await ready();
    await openSection(user, "Census");
    await user.upload(
      screen.getByLabelText<HTMLInputElement>("Import census file"),
      file("<Workbook><Sheet/></Workbook>", "book.xml", "application/xml")
    );
    expect(await screen.findByText("book.xml cannot be imported.")).toBeTruthy();
    expect(screen.getByText(/Not a CSWW census file: the root element is <Workbook>/)).toBeTruthy();
    expect(host.written).toEqual([]);
  });

  test("export lists the pre-submission problems for the staff table and offers return.xml", async () => {
    const host = new FakeHost(workbook().sources);
    const { user } = renderPane(host);
    await ready();
    await openSection(user, "Census");
    const year = screen.getByLabelText<HTMLInputElement>("Collection year");
    // The as-of date's census year (the fixture's default as-of date is 30/09/2023).
    expect(year.value).toBe("2023");
    const lea = screen.getByLabelText<HTMLInputElement>("LA number");
    expect(lea.value).toBe("");
    const prepare = screen.getByRole("button", { name: "Check and prepare the return" });
    expect(prepare.getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByText(/^Enter your three-digit LA number/)).toBeTruthy();
    await user.type(lea, "352");
    await user.click(prepare);

    const status = await screen.findByText(/^The return for 2023 \(LA 352\) holds \d+ workers\./);
    expect(status.textContent).toMatch(
      /Pre-submission check: \d+ errors? to fix before sending it to DfE, \d+ warnings?\./
    );
    const errors = screen.getByRole("region", { name: "Pre-submission errors" });
    const items = within(errors)
      .getAllByRole("listitem")
      .map((li) => li.textContent ?? "");
    expect(items.length).toBeGreaterThan(0);
    // By row, as describeProblem says it: the staff IDs are not SWE numbers.
    expect(items.some((t) => /^Row \d+, Employee No: found ".*"; expected .*/.test(t))).toBe(true);

    await user.click(screen.getByRole("button", { name: "Download return.xml" }));
    await waitFor(() => expect(host.delivered).toHaveLength(1));
    const { name, type, data: xml } = host.delivered[0];
    expect([name, type]).toEqual(["return.xml", "application/xml"]);
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain("<LEA>352</LEA>");
    expect(xml).toContain("<Year>2023</Year>");
    // Nothing written to the workbook where the host saved the file.
    expect(host.written).toEqual([]);
  }, 30_000);

  test("where Excel cannot save a file (a Mac), return.xml goes on a sheet and the clipboard", async () => {
    const host = new FakeHost(workbook().sources);
    host.delivery = "unavailable";
    const { user } = renderPane(host);
    // (after user-event's setup, which puts its own clipboard on navigator)
    const clipboard: string[] = [];
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { writeText: async (text: string) => void clipboard.push(text) },
    });
    await ready();
    await openSection(user, "Census");
    await user.type(screen.getByLabelText<HTMLInputElement>("LA number"), "352");
    await user.click(screen.getByRole("button", { name: "Check and prepare the return" }));
    await user.click(await screen.findByRole("button", { name: "Download return.xml" }));
    const title = await screen.findByText('return.xml is on the sheet "Census return XML".');
    const bar = (title.closest(".fui-MessageBar") as HTMLElement).textContent ?? "";
    expect(bar).toContain("The XML is also on the clipboard");
    expect(bar).toContain("copy column A from row 3 down into a plain text editor");
    const xml = String(host.delivered[0].data);
    expect(clipboard).toEqual([xml]);
    // The sheet holds the file, line by line, from row 3: joined, it is the file.
    expect(host.written).toHaveLength(1);
    const [sheet] = host.written[0].sheets;
    expect(sheet.key).toBe("census-return");
    const lines = sheet.blocks[0].cells.slice(2).map((row) => String(row[0].value));
    expect(lines.join("\n")).toBe(xml.replace(/\r\n?/g, "\n").replace(/\n$/, ""));
    delete (navigator as { clipboard?: unknown }).clipboard;
  }, 30_000);

  test("the pre-submission problems are grouped by kind, each an expandable list of its rows", async () => {
    const host = new FakeHost(workbook().sources);
    const { user } = renderPane(host);
    await ready();
    await openSection(user, "Census");
    await user.type(screen.getByLabelText<HTMLInputElement>("LA number"), "352");
    await user.click(screen.getByRole("button", { name: "Check and prepare the return" }));
    await screen.findByText(/^The return for 2023 \(LA 352\) holds (\d+) workers\./);
    const errors = screen.getByRole("region", { name: "Pre-submission errors" });
    // One group for the placeholder SWE numbers, its summary saying how many and how to fix.
    const summaries = Array.from(errors.querySelectorAll("details > summary")).map(
      (s) => s.textContent
    );
    const placeholders = summaries.filter((t) => /placeholder/.test(t ?? ""));
    expect(placeholders).toHaveLength(1);
    expect(placeholders[0]).toMatch(
      /^Employee No: \d+ rows — expected a Social Work England number/
    );
    const details = Array.from(errors.querySelectorAll("details")).find((d) =>
      /placeholder/.test(d.querySelector("summary")!.textContent ?? "")
    )!;
    const count = Number(/: (\d+) rows/.exec(placeholders[0]!)![1]);
    expect(within(details).getByText(/^To fix: Put each worker's SWE number/)).toBeTruthy();
    expect(within(details).getAllByRole("listitem")).toHaveLength(Math.min(count, 500));
  }, 30_000);

  test("with no posts table, the return needs a vacancy figure typed in, which it then holds", async () => {
    const host = new FakeHost(workbook().sources);
    const { user } = renderPane(host);
    await ready();
    await user.selectOptions(screen.getByLabelText<HTMLSelectElement>("Posts table"), "None");
    await openSection(user, "Census");
    await user.type(screen.getByLabelText<HTMLInputElement>("LA number"), "352");
    const prepare = screen.getByRole("button", { name: "Check and prepare the return" });
    const vacancies = await screen.findByLabelText<HTMLInputElement>("Vacancy FTE at 30 September");
    expect(prepare.getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByText(/^Enter the vacancy FTE at 30 September/)).toBeTruthy();
    await user.type(vacancies, "6.5");
    expect(prepare.getAttribute("aria-disabled")).toBeNull();
    await user.click(prepare);
    await screen.findByText(/^The return for 2023 \(LA 352\)/);
    await user.click(screen.getByRole("button", { name: "Download return.xml" }));
    await waitFor(() => expect(host.delivered).toHaveLength(1));
    expect(String(host.delivered[0].data)).toContain("<NumberOfVacancies>6.50</NumberOfVacancies>");
  }, 30_000);

  test("the LA number defaults to the benchmark LA's", async () => {
    const host = new FakeHost(workbook().sources, { benchmarks: { la: "352" } });
    const { user } = renderPane(host);
    await ready();
    await openSection(user, "Census");
    expect(screen.getByLabelText<HTMLInputElement>("LA number").value).toBe("352");
  });
});
