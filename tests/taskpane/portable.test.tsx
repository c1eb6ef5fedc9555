// @vitest-environment jsdom
/**
 * The pane's "Make a copy that works without the add-in" and its restore, against an in-memory
 * workbook whose bytes are the real fixture workbook (every WORKFORCE function in every form):
 * the one-line warning when the pane opens, the copy handed to the host as a new workbook with
 * no WORKFORCE call left in its formulas, the report, the download where the host cannot open
 * it, restore from the copy, the warning after Prepare to share, and the open workbook's bytes
 * never changed.
 */
import "./setup";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import JSZip from "jszip";
import * as React from "react";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { hasWorkforceCall } from "../../src/core/portable/rewrite";
import { App } from "../../src/taskpane/app/App";
import { portableFixtureBytes } from "../host/xlsx/portable-fixture";
import { FakeHost, fakePlan } from "./fake-host";
import { workbook } from "./fixtures";

let fixture: Uint8Array;
beforeAll(async () => {
  fixture = await portableFixtureBytes();
}, 60_000);

function renderPane(host: FakeHost) {
  const user = userEvent.setup();
  render(
    <App
      host={host}
      buildSummaryPlan={() => fakePlan("summary", "Scrutiny summary")}
      buildTemplatePlan={() => fakePlan("staff-template", "Staff template")}
      version="0.1.0-test"
    />
  );
  return user;
}

async function formulas(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: string[] = [];
  for (const p of Object.keys(zip.files).filter((x) =>
    /^xl\/(workbook|worksheets\/sheet\d+)\.xml$/.test(x)
  )) {
    const xml = await zip.file(p)!.async("string");
    for (const m of xml.matchAll(
      /<(f|formula|formula1|definedName)(?:\s[^>]*?)?(?<!\/)>([\s\S]*?)<\/\1>/g
    ))
      out.push(
        m[2]
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, "&")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
      );
  }
  return out;
}

const openSection = async (user: ReturnType<typeof userEvent.setup>) =>
  user.click(
    within(screen.getByRole("heading", { level: 2, name: "Share the workbook" })).getByRole(
      "button"
    )
  );
const section = () =>
  screen.getByRole("heading", { level: 2, name: "Share the workbook" })
    .parentElement as HTMLElement;

describe("Make a copy that works without the add-in", () => {
  test("warns in one line when the workbook holds WORKFORCE formulas, and makes the copy from there", async () => {
    const host = new FakeHost(workbook().sources);
    host.bytes = fixture.slice();
    host.delivery = "opened";
    const user = renderPane(host);
    const warning = await screen.findByText(
      /will see #NAME\? in its WORKFORCE formulas/,
      {},
      { timeout: 10_000 }
    );
    expect(warning).toBeTruthy();
    // The banner's button comes first (the section below is closed at start).
    await user.click(
      screen.getAllByRole("button", { name: "Make a copy that works without the add-in" })[0]
    );
    await waitFor(() => expect(host.delivered).toHaveLength(1), { timeout: 20_000 });
    const copy = host.delivered[0];
    expect(copy.name).toMatch(/^Workbook without the add-in \d{4}-\d{2}-\d{2}\.xlsx$/);
    const copied = await formulas(copy.data as Uint8Array);
    expect(copied.length).toBeGreaterThan(50);
    expect(copied.filter(hasWorkforceCall)).toEqual([]);
    // The message and the report, by sheet, with the other add-in's formula listed.
    await openSection(user);
    expect(await within(section()).findByText("Copy made.")).toBeTruthy();
    expect(within(section()).getByRole("status").textContent).toMatch(/^\d+ formulas made native/);
    expect(within(section()).getByRole("heading", { level: 3, name: "Rates" })).toBeTruthy();
    expect(within(section()).getByText(/_xldudf_CONTOSO_ADD/)).toBeTruthy();
    // The open workbook is untouched.
    expect(host.bytes).toEqual(fixture);
    expect(host.written).toEqual([]);
  }, 60_000);

  test("offers a download where the host cannot open the copy, and restores a copy", async () => {
    const host = new FakeHost(workbook().sources);
    host.bytes = fixture.slice();
    host.delivery = "unavailable";
    const user = renderPane(host);
    await screen.findByText(/will see #NAME\?/, {}, { timeout: 10_000 });
    await openSection(user);
    await user.click(
      within(section()).getByRole("button", { name: "Make a copy that works without the add-in" })
    );
    expect(
      await screen.findByText("The copy is ready to download.", {}, { timeout: 20_000 })
    ).toBeTruthy();
    const createObjectURL = vi.fn(() => "blob:copy");
    (window.URL as unknown as { createObjectURL: unknown }).createObjectURL = createObjectURL;
    (window.URL as unknown as { revokeObjectURL: unknown }).revokeObjectURL = vi.fn();
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, "click")
      .mockImplementation(() => undefined);
    await user.click(within(section()).getByRole("button", { name: "Download the copy" }));
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(1);

    // The colleague's copy is now the open workbook: restore gives the formulas back.
    host.bytes = host.delivered[0].data as Uint8Array;
    host.delivery = "opened";
    await user.click(
      within(section()).getByRole("button", { name: "Restore WORKFORCE formulas from the notes" })
    );
    await waitFor(() => expect(host.delivered).toHaveLength(2), { timeout: 20_000 });
    const restored = await formulas(host.delivered[1].data as Uint8Array);
    const original = await formulas(fixture);
    for (const f of original) expect(restored).toContain(f);
    expect(await screen.findByText(/WORKFORCE formulas restored\./)).toBeTruthy();
  }, 60_000);

  test("says plainly when the host cannot give the workbook's bytes, and warns nobody without formulas", async () => {
    const host = new FakeHost(workbook().sources);
    const user = renderPane(host);
    // The data is read (Data closes itself when every required column is recognised).
    await screen.findByText(/^Staff: .*, \d+ rows, /, {}, { timeout: 10_000 });
    expect(screen.queryByText(/will see #NAME\?/)).toBeNull();
    await openSection(user);
    await user.click(
      within(section()).getByRole("button", { name: "Make a copy that works without the add-in" })
    );
    expect(await screen.findByText(/workforce portable BOOK\.xlsx -o COPY\.xlsx/)).toBeTruthy();
    expect(host.delivered).toEqual([]);
  }, 30_000);

  test("Prepare to share says the same line when the workbook holds WORKFORCE formulas", async () => {
    const host = new FakeHost(workbook().sources);
    host.bytes = fixture.slice();
    const user = renderPane(host);
    await screen.findByText(/will see #NAME\?/, {}, { timeout: 10_000 });
    // The data is read (Data closes itself when every required column is recognised).
    await screen.findByText(/^Staff: .*, \d+ rows, /, {}, { timeout: 10_000 });
    await user.click(screen.getByRole("button", { name: "Prepare to share" }));
    await waitFor(() => expect(screen.getAllByText(/will see #NAME\?/)).toHaveLength(2), {
      timeout: 20_000,
    });
    expect(screen.getByText(/Share a copy made in “Share the workbook”/)).toBeTruthy();
  }, 60_000);
});
