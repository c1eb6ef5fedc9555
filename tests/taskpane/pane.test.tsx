// @vitest-environment jsdom
/**
 * The task pane against an in-memory workbook: finding the tables, mapping, checking, options,
 * building, the template, settings and errors. The builders are fakes: what they are given is
 * what is tested here (the real ones have their own tests).
 */
import "./setup";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { describe, expect, test, vi } from "vitest";
import { serialFromYmd } from "../../src/core/dates";
import { App } from "../../src/taskpane/app/App";
import type { AppProps, SummaryInput } from "../../src/taskpane/app/types";
import { FakeHost, fakePlan } from "./fake-host";
import { STAFF_ROWS, workbook } from "./fixtures";

function renderPane(host: FakeHost, overrides: Partial<AppProps> = {}) {
  const summaryPlan = fakePlan("summary", "Scrutiny summary");
  const templatePlan = fakePlan("staff-template", "Staff template");
  const buildSummaryPlan = vi.fn((input: SummaryInput) => {
    void input;
    return summaryPlan;
  });
  const buildTemplatePlan = vi.fn(() => templatePlan);
  const user = userEvent.setup();
  const view = render(
    <App
      host={host}
      buildSummaryPlan={buildSummaryPlan}
      buildTemplatePlan={buildTemplatePlan}
      version="0.1.0-test"
      {...overrides}
    />
  );
  return { user, view, buildSummaryPlan, buildTemplatePlan, summaryPlan, templatePlan };
}

/** The button of a section's heading (it opens and closes the section). */
const sectionButton = (name: string) =>
  within(screen.getByRole("heading", { level: 2, name })).getByRole("button");

/**
 * Waits until the staff table has been read and ingested, then opens Data again: it closes itself
 * once every required column is recognised, saying what was found in one line.
 */
const ready = async () => {
  await screen.findByText(
    /^Staff: Staff, \d+ rows, \d+ of \d+ columns recognised, all the required ones\./
  );
  await userEvent.click(sectionButton("Data"));
  await screen.findByText(/^Staff rows in Staff:/);
};

/** A select by its label, in the whole pane or in one group ("Posts columns"). */
const select = (name: string | RegExp, group?: string) =>
  (group
    ? within(screen.getByRole("group", { name: group }))
    : screen
  ).getByRole<HTMLSelectElement>("combobox", { name });
const selectedText = (name: string | RegExp, group?: string) => {
  const el = select(name, group);
  return el.options[el.selectedIndex]?.textContent;
};
const section = (name: string | RegExp) => {
  const heading = screen.getByRole("heading", { level: 2, name });
  // AccordionItem: the heading's parent holds the heading and its panel.
  return heading.parentElement as HTMLElement;
};

describe("Data", () => {
  test("finds the staff and posts tables and shows the mapping and row counts", async () => {
    const host = new FakeHost(workbook().sources);
    renderPane(host);
    await ready();
    expect(selectedText("Staff table")).toBe("Staff (table on HR extract, B3:P33)");
    expect(selectedText("Posts table")).toBe("Posts (sheet, A1:C32)");
    expect(selectedText("Staff ID")).toBe("Employee No (column B)");
    expect(selectedText("Role", "Staff columns")).toBe("Job Title (column D)");
    expect(selectedText("Role", "Posts columns")).toBe("Role (column B)");
    expect(selectedText("Leave date")).toBe("Leaving Date (column H)");
    expect(selectedText("Funded FTE")).toBe("Funded FTE (column C)");
    expect(
      screen.getByText(
        `Staff rows in Staff: ${STAFF_ROWS} found, ${STAFF_ROWS - 1} used, 1 left out.`
      )
    ).toBeTruthy();
    expect(
      screen.getByText(/^Posts rows in Posts: \d+ found, \d+ used, 0 left out\.$/)
    ).toBeTruthy();
    // Required columns are marked, and how each was found is said.
    expect(select("Staff ID").required).toBe(true);
    expect(select("Leave date").required).toBe(false);
    expect(screen.getByText(`Found: "Employee No" is another name for it.`)).toBeTruthy();
  });

  test("overriding a column's mapping ingests again", async () => {
    const host = new FakeHost(workbook().sources);
    const { user } = renderPane(host);
    await ready();
    // Worker type taken from the Gender column: no row has a worker type any more.
    await user.selectOptions(select("Worker type"), "Gender (column K)");
    expect(
      await screen.findByText(
        `Staff rows in Staff: ${STAFF_ROWS} found, 0 used, ${STAFF_ROWS} left out.`
      )
    ).toBeTruthy();
    expect(selectedText("Worker type")).toBe("Gender (column K)");
    // Gender lost its column to Worker type: it is no longer recognised.
    expect(selectedText("Gender")).toBe("(not mapped)");
    // An optional column can be unmapped by hand.
    await user.selectOptions(select("Worker type"), "Contract Type (column E)");
    await user.selectOptions(select("Leave date"), "(not mapped)");
    expect(selectedText("Leave date")).toBe("(not mapped)");
    expect(await screen.findByText(/^Staff rows in Staff: 30 found, 29 used/)).toBeTruthy();
  });

  test("choosing no posts table, and picking another staff table", async () => {
    const host = new FakeHost(workbook().sources);
    const { user } = renderPane(host);
    await ready();
    await user.selectOptions(select("Posts table"), "None");
    expect(screen.queryByText(/^Posts rows in/)).toBeNull();
    await user.selectOptions(select("Staff table"), "Notes (sheet, A1:A2)");
    // No header in Notes: the required columns must be chosen by hand, and Build says so.
    expect(await screen.findByText(/No header row was recognised in Notes/)).toBeTruthy();
    expect(
      screen.getByText(/^Map the required staff columns in Data: Staff ID, Team/)
    ).toBeTruthy();
  });
});

describe("Keyboard path and header row", () => {
  test("the skip link puts the focus on Build, and after a build the focus is on its result", async () => {
    const host = new FakeHost(workbook().sources);
    const { user } = renderPane(host);
    await ready();
    await user.click(screen.getByRole("link", { name: "Skip to Build" }));
    const build = screen.getByRole("button", { name: "Build scrutiny summary" });
    await waitFor(() => expect(document.activeElement).toBe(build));
    await user.keyboard("{Enter}");
    const result = await screen.findByRole("heading", { name: "Summary built" });
    await waitFor(() => expect(document.activeElement).toBe(result));
    // The status line was in the page before the build, and only its text changed.
    expect(
      screen
        .getAllByRole("status")
        .some((s) => /^Built from \d+ staff rows/.test(s.textContent ?? ""))
    ).toBe(true);
  });

  test("Data stays open when a required column is missing; the header row can be chosen by hand", async () => {
    const host = new FakeHost(workbook().sources);
    const { user } = renderPane(host);
    await ready();
    // Row 4 (the first staff row) as the header: nothing under it is a staff row any more.
    const headerRow = screen.getByLabelText("Header row of Staff");
    await user.type(headerRow, "4");
    expect(
      await screen.findByText(/^Staff rows in Staff: 29 found, 0 used, 29 left out\.$/)
    ).toBeTruthy();
    expect(within(section(/^Check/)).getByText(/^Columns not found \(\d+\)$/)).toBeTruthy();
    await waitFor(() =>
      expect(host.saved.at(-1)).toMatchObject({ staffTable: "Staff", staffHeaderRow: 4 })
    );
    // Cleared: the header row is found again (sheet row 3).
    await user.clear(headerRow);
    expect(
      await screen.findByText(/^Staff rows in Staff: 30 found, 29 used, 1 left out\.$/)
    ).toBeTruthy();
    expect(
      screen.getByText(
        "Row 3 was found to hold the headings. Type another row number if they are elsewhere."
      )
    ).toBeTruthy();
  });
});

describe("Check", () => {
  test("a problem's link selects its cell on the right sheet", async () => {
    const host = new FakeHost(workbook().sources);
    const { user } = renderPane(host);
    await ready();
    const check = section(/^Check/);
    expect(within(check).getByText("Errors: rows left out (1)")).toBeTruthy();
    // Grid row 5 of a table whose header is sheet row 3 is sheet row 8; FTE is the 5th column from B: F.
    const link = within(check).getByRole("button", { name: /^Staff: Row 8, FTE: found "37"/ });
    await user.click(link);
    expect(host.selected).toEqual([{ sheet: "HR extract", address: "F8" }]);
  });

  test("a role not on the ladder can be mapped to a ladder role", async () => {
    const { sources, staff } = workbook();
    staff[2][2] = "Practice Educator";
    const host = new FakeHost(sources);
    const { user, buildSummaryPlan } = renderPane(host);
    await ready();
    expect(
      screen.getByRole("button", { name: /^Staff: Row 5, Job Title: found "Practice Educator"/ })
    ).toBeTruthy();
    await user.selectOptions(select(`Role "Practice Educator"`), "SW2: Senior social worker");
    await waitFor(() =>
      expect(screen.queryByRole("button", { name: /found "Practice Educator"/ })).toBeNull()
    );
    await user.click(screen.getByRole("button", { name: "Build scrutiny summary" }));
    await waitFor(() => expect(buildSummaryPlan).toHaveBeenCalledTimes(1));
    const input = buildSummaryPlan.mock.calls[0][0];
    expect(input.staff.records.find((r) => r.row === 5)?.roleCode).toBe("SW2");
    await waitFor(() => expect(host.saved.at(-1)?.roleMap).toEqual({ "Practice Educator": "SW2" }));
  });
});

describe("Keyboard and screen readers", () => {
  test("sections are headings, and every control has a name", async () => {
    const host = new FakeHost(workbook().sources);
    renderPane(host);
    await ready();
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual([
      "Data",
      "Check (1 error, 0 warnings)",
      "Options",
      "Benchmarks",
      "Build",
      "Staff data template",
      "Share the workbook",
      "Census",
    ]);
    const controls = Array.from(
      document.querySelectorAll<HTMLInputElement | HTMLSelectElement>("select, input")
    );
    expect(controls.length).toBeGreaterThan(20);
    for (const control of controls) {
      const label = control.labels?.[0]?.textContent ?? control.getAttribute("aria-label");
      expect(label, control.outerHTML.slice(0, 80)).toBeTruthy();
    }
    for (const button of screen.getAllByRole("button")) {
      expect(button.textContent || button.getAttribute("aria-label")).toBeTruthy();
    }
  });

  test("a problem link is a button that Enter follows", async () => {
    // Tab order itself is not tested here: Fluent's focus manager (Tabster) decides what Tab
    // reaches from the layout, which jsdom does not have. The pane is one column in reading
    // order, so the focus order is the reading order.
    const host = new FakeHost(workbook().sources);
    const { user } = renderPane(host);
    await ready();
    const link = screen.getByRole("button", { name: /^Staff: Row 8, FTE/ });
    expect(link.tagName).toBe("BUTTON");
    link.focus();
    await user.keyboard("{Enter}");
    expect(host.selected).toEqual([{ sheet: "HR extract", address: "F8" }]);
  });
});

describe("Options and Build", () => {
  test("Build gives the builder the chosen options, writes its plan with progress, and shows the result", async () => {
    const host = new FakeHost(workbook().sources);
    let open = () => {};
    host.gate = new Promise<void>((resolve) => (open = resolve));
    const { user, buildSummaryPlan, summaryPlan } = renderPane(host);
    await ready();
    // The as-of date defaults to the data's; the hint says which, in the user's own format.
    const longDate = new Intl.DateTimeFormat(undefined, { dateStyle: "long", timeZone: "UTC" });
    expect(
      screen.getByText(
        `The census date the figures are for. Leave it blank for the data's default, ${longDate.format(new Date(Date.UTC(2023, 8, 30)))}.`
      )
    ).toBeTruthy();
    await user.type(screen.getByLabelText("As-of date"), "2023-03-31");
    await user.clear(screen.getByLabelText("Caseload target, all roles"));
    await user.type(screen.getByLabelText("Caseload target, all roles"), "20");
    await user.clear(screen.getByLabelText("Suppression threshold"));
    await user.type(screen.getByLabelText("Suppression threshold"), "10");
    await user.selectOptions(select("England comparator year"), "2022");

    await user.click(screen.getByRole("button", { name: "Build scrutiny summary" }));
    // The progress bar shows the step the host reports while it writes.
    const progress = await screen.findByRole("progressbar");
    expect(progress).toBeTruthy();
    expect(screen.getByText("Adding charts")).toBeTruthy();
    open();

    expect(
      await screen.findByText(/^Built from 29 staff rows; 1 left out, and 0 posts rows left out\.$/)
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Scrutiny summary" })).toBeTruthy();
    expect(buildSummaryPlan).toHaveBeenCalledTimes(1);
    const input = buildSummaryPlan.mock.calls[0][0];
    expect(input.options).toEqual({
      asOf: serialFromYmd(2023, 3, 31),
      caseloadTarget: 20,
      caseloadTargetAsye: 16,
      suppressionThreshold: 10,
      comparatorYear: 2022,
    });
    expect(input.source).toEqual({ staffTable: "Staff", postsTable: "Posts" });
    expect(input.staff.records).toHaveLength(29);
    expect(input.posts?.records.length).toBeGreaterThan(0);
    expect(input.version).toBe("0.1.0-test");
    expect(host.written).toEqual([summaryPlan]);

    // The sheet written can be opened from the result.
    await user.click(screen.getByRole("button", { name: "Scrutiny summary" }));
    expect(host.selected).toEqual([{ sheet: "Scrutiny summary", address: "A1" }]);
  });

  test("the as-of date left blank goes to the builder as null (the data's default)", async () => {
    const host = new FakeHost(workbook().sources);
    const { user, buildSummaryPlan } = renderPane(host);
    await ready();
    await user.click(screen.getByRole("button", { name: "Build scrutiny summary" }));
    await waitFor(() => expect(buildSummaryPlan).toHaveBeenCalledTimes(1));
    expect(buildSummaryPlan.mock.calls[0][0].options).toEqual({
      asOf: null,
      caseloadTarget: 18,
      caseloadTargetAsye: 16,
      suppressionThreshold: 5,
      comparatorYear: null,
    });
  });

  test("an option that cannot be read gets a plain-English message and stops the build", async () => {
    const host = new FakeHost(workbook().sources);
    const { user, buildSummaryPlan } = renderPane(host);
    await ready();
    const target = screen.getByLabelText("Caseload target, ASYE");
    await user.clear(target);
    await user.type(target, "sixteen");
    expect(screen.getByText("Enter a whole number of cases from 1 to 100.")).toBeTruthy();
    expect(target.getAttribute("aria-invalid")).toBe("true");
    const build = screen.getByRole("button", { name: "Build scrutiny summary" });
    expect(build.getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByText("Correct the options marked in Options.")).toBeTruthy();
    await user.click(build);
    expect(buildSummaryPlan).not.toHaveBeenCalled();
  });

  test("Refresh shows when the staff data changed since the last build", async () => {
    const { sources, staff } = workbook();
    const host = new FakeHost(sources);
    const { user } = renderPane(host);
    await ready();
    await user.click(screen.getByRole("button", { name: "Build scrutiny summary" }));
    await screen.findByText(/^Built from/);
    expect(screen.queryByRole("button", { name: "Refresh" })).toBeNull();

    // Nothing changed: no Refresh.
    await user.click(screen.getByRole("button", { name: "Check for changes" }));
    await waitFor(() => expect(host.reads.filter((n) => n === "Staff").length).toBe(2));
    expect(screen.queryByRole("button", { name: "Refresh" })).toBeNull();

    staff[1][4] = 0.5;
    await user.click(screen.getByRole("button", { name: "Check for changes" }));
    const refresh = await screen.findByRole("button", { name: "Refresh" });
    expect(screen.getByText("The data has changed since the summary was built.")).toBeTruthy();
    await user.click(refresh);
    await waitFor(() => expect(host.written).toHaveLength(2));
    await waitFor(() => expect(screen.queryByRole("button", { name: "Refresh" })).toBeNull());
  });
});

describe("Settings", () => {
  test("the mapping and options are saved, and restored when the pane opens again", async () => {
    const host = new FakeHost(workbook().sources);
    const first = renderPane(host);
    await ready();
    await first.user.selectOptions(select("Leave date"), "(not mapped)");
    await first.user.selectOptions(select("Sickness days"), "Cases Held (column O)");
    await first.user.clear(screen.getByLabelText("Caseload target, all roles"));
    await first.user.type(screen.getByLabelText("Caseload target, all roles"), "22");
    await waitFor(() =>
      expect(host.saved.at(-1)).toMatchObject({
        staffTable: "Staff",
        postsTable: "Posts",
        staffMapping: { leaveDate: "", sicknessDays: "Cases Held" },
        options: { caseloadTarget: 22, asOf: null },
      })
    );
    first.view.unmount();

    renderPane(host);
    await ready();
    expect(selectedText("Leave date")).toBe("(not mapped)");
    expect(selectedText("Sickness days")).toBe("Cases Held (column O)");
    expect(screen.getByText("Chosen by you.")).toBeTruthy();
    expect((screen.getByLabelText("Caseload target, all roles") as HTMLInputElement).value).toBe(
      "22"
    );
  });

  test("opening the pane saves nothing until something is changed", async () => {
    const host = new FakeHost(workbook().sources);
    renderPane(host);
    await ready();
    await new Promise((r) => setTimeout(r, 400));
    expect(host.saved).toEqual([]);
  });

  test("a saved choice of 'no posts table' and the fingerprint of the last build are kept", async () => {
    const host = new FakeHost(workbook().sources, {
      staffTable: "Staff",
      postsTable: null,
      lastBuild: { fingerprint: "00000000-1", staffTable: "Staff" },
    });
    renderPane(host);
    await ready();
    expect(selectedText("Posts table")).toBe("None");
    // The data differs from the last build's: Refresh is offered straight away.
    expect(screen.getByRole("button", { name: "Refresh" })).toBeTruthy();
    // With the staff table named in the settings, no other table is read.
    expect(host.reads).toEqual(["Staff"]);
  });
});

describe("Errors", () => {
  test("a host error when listing tables shows as a message bar, without a stack trace", async () => {
    const host = new FakeHost(workbook().sources);
    const error = new Error("The workbook is locked for editing\n    at run (excel.js:1:2)");
    host.failures.listTables = error;
    renderPane(host);
    const title = await screen.findByText("Could not list the tables in this workbook.");
    const bar = title.closest("[role=group], .fui-MessageBar") as HTMLElement;
    expect(bar.textContent).toContain("The workbook is locked for editing.");
    expect(document.body.textContent).not.toContain("excel.js");
    // Message bars are read out through Fluent's live-region announcer, whose region is on the
    // page. (It writes the text with innerText, which jsdom does not implement: the words
    // themselves cannot be seen here.)
    expect(document.querySelector("body > div[aria-live=assertive]")).not.toBeNull();
  });

  test("a failed write shows in Build, and a failed cell selection in Check", async () => {
    const host = new FakeHost(workbook().sources);
    host.failures.writePlan = new Error(
      "This operation is not allowed while the cell is being edited."
    );
    host.failures.selectCell = { code: "ItemNotFound", message: "The sheet was deleted." };
    const { user } = renderPane(host);
    await ready();
    await user.click(screen.getByRole("button", { name: "Build scrutiny summary" }));
    const build = section("Build");
    expect(await within(build).findByText("Could not build the scrutiny summary.")).toBeTruthy();
    expect(within(build).getByText(/not allowed while the cell is being edited\./)).toBeTruthy();
    await user.click(within(section(/^Check/)).getByRole("button", { name: /^Staff: Row 8, FTE/ }));
    expect(await screen.findByText("Could not select F8 on HR extract.")).toBeTruthy();
    expect(screen.getByText(/The sheet was deleted\./)).toBeTruthy();
    // Message bars can be dismissed.
    await user.click(
      screen.getByRole("button", { name: "Dismiss: Could not select F8 on HR extract." })
    );
    expect(screen.queryByText("Could not select F8 on HR extract.")).toBeNull();
  });

  test("a builder that throws shows its message, not a crash", async () => {
    const host = new FakeHost(workbook().sources);
    const { user } = renderPane(host, {
      buildSummaryPlan: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      },
    });
    await ready();
    await user.click(screen.getByRole("button", { name: "Build scrutiny summary" }));
    expect(await screen.findByText("Could not build the scrutiny summary.")).toBeTruthy();
    expect(host.written).toEqual([]);
  });

  test("settings that cannot be read leave the pane on its defaults, with a warning", async () => {
    const host = new FakeHost(workbook().sources);
    host.failures.loadSettings = new Error("Settings are not available");
    renderPane(host);
    await ready();
    expect(screen.getByText("Could not read the settings saved in this workbook.")).toBeTruthy();
    expect(selectedText("Staff table")).toBe("Staff (table on HR extract, B3:P33)");
  });
});

describe("Template", () => {
  test("Insert staff data template writes the template plan", async () => {
    const host = new FakeHost(workbook().sources);
    const { user, buildTemplatePlan, templatePlan } = renderPane(host);
    await ready();
    await user.click(screen.getByRole("button", { name: "Insert staff data template" }));
    expect(await screen.findByText("Inserted: Staff template.")).toBeTruthy();
    expect(buildTemplatePlan).toHaveBeenCalledTimes(1);
    expect(host.written).toEqual([templatePlan]);
  });

  test("in an empty workbook the pane says what to do", async () => {
    const host = new FakeHost([]);
    renderPane(host);
    expect(await screen.findByText(/No tables or filled sheets were found/)).toBeTruthy();
    expect(screen.getByText("Choose the staff table in Data.")).toBeTruthy();
  });
});
