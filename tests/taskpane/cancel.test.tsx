// @vitest-environment jsdom
/**
 * Cancel in the task pane, on the Office adapter over the fake Excel: a rebuild cancelled while
 * its plan is being made writes nothing (the previous summary's sheets are exactly as they were),
 * and the pane says it was cancelled; Build then works again. Once the sheets are being written,
 * Cancel is disabled and says why (the adapter keeps the old summary until the new one is whole).
 */
import "./setup";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { describe, expect, test } from "vitest";
import { ingestPosts, ingestStaff } from "../../src/core/ingest";
import { buildSummaryPlan } from "../../src/core/summary/build";
import { DEFAULT_SUMMARY_OPTIONS } from "../../src/core/summary/options";
import type { DocumentSettingsStore } from "../../src/host/office/office-settings";
import { OfficeWorkbook } from "../../src/host/office/office-workbook";
import { App } from "../../src/taskpane/app/App";
import type { SummaryInput } from "../../src/taskpane/app/types";
import { generateStaff } from "../../src/sample/generate";
import { fakeExcel } from "../host/office/fake-excel";

function memorySettings(): DocumentSettingsStore {
  let value: unknown = null;
  return {
    get: () => value,
    set: (v) => {
      value = v;
    },
    save: async () => undefined,
  };
}

/** A workbook with Staff and Posts tables and a summary built from them. */
async function workbookWithSummary() {
  const { staff, posts } = generateStaff({ rows: 40, seed: 7 });
  const excel = fakeExcel([
    { name: "Staff", cells: staff, tables: [{ name: "Staff", address: `A1:O${staff.length}` }] },
    { name: "Posts", cells: posts, tables: [{ name: "Posts", address: `A1:C${posts.length}` }] },
  ]);
  const office = new OfficeWorkbook(excel.run, {
    settings: memorySettings(),
    isSetSupported: excel.isSetSupported,
    createWorkbook: undefined,
  });
  await office.writePlan(
    buildSummaryPlan({
      staff: ingestStaff(staff),
      posts: ingestPosts(posts),
      options: DEFAULT_SUMMARY_OPTIONS,
      source: { staffTable: "Staff", postsTable: "Posts" },
    })
  );
  return { excel, office };
}

/** Everything the sheets hold that a rebuild would change. */
const snapshot = (excel: ReturnType<typeof fakeExcel>) =>
  JSON.stringify(
    excel.live().map((s) => ({
      id: s.id,
      name: s.name,
      marker: s.marker,
      cells: s.cells,
      formulas: s.formulas,
      tables: s.tables.map((t) => [t.name, t.address]),
      charts: s.charts.length,
      tab: s.tabColor,
    }))
  ) + JSON.stringify(excel.names.filter((n) => !n.deleted).map((n) => n.name));

describe("Cancel a build", () => {
  test("cancelled while the plan is made: the previous summary is intact and the pane says so", async () => {
    const { excel, office } = await workbookWithSummary();
    const before = snapshot(excel);
    expect(excel.live().map((s) => s.name)).toContain("Scrutiny summary");

    let cancelNext = true;
    const builder = (input: SummaryInput) => {
      // The person presses Cancel while the plan is being made.
      if (cancelNext) fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
      return buildSummaryPlan(input);
    };
    const user = userEvent.setup();
    render(
      <App
        host={office}
        buildSummaryPlan={builder}
        buildTemplatePlan={() => ({ sheets: [] })}
        version="0.1.0-test"
      />
    );
    const build = await screen.findByRole("button", { name: "Build scrutiny summary" });
    await waitFor(() => expect(build.getAttribute("aria-disabled")).not.toBe("true"));

    await user.click(build);
    expect(await screen.findByText("Build cancelled.")).toBeTruthy();
    expect(
      screen.getByText(/Nothing was written: the workbook is as it was/, { exact: false })
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
    expect(screen.queryByText("Summary built")).toBeNull();
    // Not one sheet, cell, table or name changed.
    expect(snapshot(excel)).toBe(before);
    expect(excel.live().some((s) => s.name.startsWith("~WFS"))).toBe(false);

    // Build again, not cancelled: the summary is replaced. Cancel was offered until the writing began.
    cancelNext = false;
    const hints: string[] = [];
    const observer = new MutationObserver(() => {
      const cancel = screen.queryByRole("button", { name: "Cancel" });
      if (cancel) hints.push(cancel.getAttribute("aria-disabled") === "true" ? "fixed" : "open");
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    await user.click(screen.getByRole("button", { name: "Build scrutiny summary" }));
    expect(await screen.findByText("Summary built", {}, { timeout: 20_000 })).toBeTruthy();
    observer.disconnect();
    expect(hints[0]).toBe("open");
    expect(hints).toContain("fixed");
    expect(snapshot(excel)).not.toBe(before);
    expect(excel.live().map((s) => s.name)).toContain("Scrutiny summary");
  }, 60_000);
});
