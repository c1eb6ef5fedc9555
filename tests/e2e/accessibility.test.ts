/**
 * The accessibility gate, in Debian's Chromium on the built workbench (served, and the single
 * file): axe-core's WCAG 2.0/2.1/2.2 A and AA rules find nothing in any state a user meets (the
 * start, the sample opened, a problem selected, the summary built, every section open, a census
 * return prepared and one imported, the template inserted, a CSV read, and bad input) at 1280 px
 * and at 320×225 (400 % zoom of a 1280×900 window). At 320×225 the page never scrolls sideways.
 * Then a keyboard-only journey at 320×225: open the sample, reach Build in 10 Tab presses or
 * fewer, build, and land on the result, with every focused control in view and uncovered.
 * Screenshots go to $WFS_SCREENSHOTS (default: a temporary folder).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, focusSeen, scrollsSideways } from "../support/accessibility";
import { builtPage, ROOT, SINGLE_FILE_WORKBENCH, WORKBENCH_PAGE } from "../support/built-pages";
import { haveChromium, launchChromium } from "../support/chromium";
import { decodeCsv, parseCsv } from "../../src/core/csv";
import { ingestStaff } from "../../src/core/ingest";
import { pathToFileURL } from "node:url";

const SHOTS = process.env.WFS_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), "wfs-a11y-"));
const { serve } = require("../../scripts/serve-workbench.js") as {
  serve: (port: number) => Promise<Server>;
};

const SIZES = [
  { name: "1280", width: 1280, height: 900 },
  { name: "320x225", width: 320, height: 225 },
] as const;

const CENSUS_RETURN = join(ROOT, "tests", "census", "fixtures", "csww-sample-return-2022.xml");
const NOT_A_WORKBOOK = join(ROOT, "tests", "corpus", "not-a-workbook", "staff.xlsx");
const NO_HEADER_CSV = join(ROOT, "tests", "corpus", "no-header", "staff.csv");
const SEMICOLON_CSV = join(ROOT, "tests", "corpus", "bom-semicolon", "staff.csv");

let browser: Browser;
let server: Server;
const port = 19_000 + Math.floor(Math.random() * 1000);
const served = () => `http://127.0.0.1:${port}/`;

const poll = async (what: () => Promise<boolean>, message: string, timeout = 60_000) => {
  await expect.poll(what, { timeout, message }).toBe(true);
};
const visible = (page: Page, role: Parameters<Page["getByRole"]>[0], name: string | RegExp) =>
  page
    .getByRole(role, { name })
    .first()
    .isVisible()
    .catch(() => false);

/** Opens a closed section of the pane (its heading's button). */
async function openSection(page: Page, name: string) {
  const button = page.getByRole("heading", { level: 2, name, exact: true }).getByRole("button");
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
}

/** Goes through every state, scanning each; returns the violations and saves screenshots. */
async function everyState(page: Page, url: string, size: string): Promise<string[]> {
  const found: string[] = [];
  const scan = async (state: string) => {
    // Let Fluent's motion (sections opening and closing) finish, twice over a quarter second
    // (the pane may start one after reading the workbook): axe measures what is painted.
    for (let idle = 0; idle < 2;) {
      const still = await page.evaluate(() =>
        document
          .getAnimations()
          .every(
            (a) =>
              a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity
          )
      );
      idle = still ? idle + 1 : 0;
      await page.waitForTimeout(250);
    }
    const now = await axeViolations(page, `${state} @ ${size}`);
    if (process.env.WFS_A11Y_LOG) console.log(now.join("\n") || `${state} @ ${size}: none`);
    found.push(...now);
    if (await scrollsSideways(page)) found.push(`${state} @ ${size}: the page scrolls sideways`);
  };
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}-${size}.png`) });

  await page.goto(url);
  await page.getByRole("button", { name: "Open the sample" }).waitFor();
  await scan("start");
  await shot("workbench-start");

  await page.getByRole("button", { name: "Open the sample" }).click();
  await poll(
    () => visible(page, "button", /Row 42, FTE: found "37"/),
    "the sample's problems listed"
  );
  await scan("sample opened");
  await shot("workbench-sample");
  if (size === "1280")
    await page.locator(".pane").screenshot({ path: join(SHOTS, `pane-sample-${size}.png`) });

  await page.getByRole("button", { name: /Row 98, Start Date/ }).click();
  await poll(
    async () => (await page.locator('td[data-selected="yes"]').count()) === 1,
    "the problem's cell highlighted"
  );
  await scan("problem selected");
  await shot("workbench-problem-selected");

  await page.getByRole("button", { name: "Build scrutiny summary" }).click();
  await poll(() => visible(page, "tab", "Scrutiny summary"), "the summary sheet in the viewer");
  await poll(() => visible(page, "heading", "Summary built"), "the build's result");
  await scan("built");
  await shot("workbench-built");
  await page.locator(".charts").screenshot({ path: join(SHOTS, `workbench-charts-${size}.png`) });

  for (const section of ["Data", "Benchmarks", "Census"]) await openSection(page, section);
  await poll(
    () => visible(page, "combobox", "Your local authority"),
    "the list of local authorities"
  );
  await page.getByRole("searchbox", { name: "Find your local authority" }).fill("Man");
  await scan("every section open");
  await shot("workbench-sections");

  await page.getByLabel("LA number").fill("352");
  await page.getByRole("button", { name: "Check and prepare the return" }).click();
  await poll(() => visible(page, "button", "Download return.xml"), "the census return prepared");
  await scan("census return prepared");

  await page.locator('header input[type="file"]').setInputFiles(CENSUS_RETURN);
  await poll(
    async () => (await page.getByText(/^Staff( rows in .*: |: )/).count()) > 0,
    "the census return imported and read as the staff table"
  );
  await scan("census return imported");

  await page.getByRole("button", { name: "New empty workbook" }).click();
  await poll(
    () => visible(page, "button", "Insert staff data template"),
    "the new workbook's pane"
  );
  await page.getByRole("button", { name: "Insert staff data template" }).click();
  await poll(
    async () => (await page.getByText(/^Inserted: /).count()) > 0,
    "the template inserted"
  );
  await scan("template inserted");
  await shot("workbench-template");

  // A CSV is read as the command line reads it (a byte-order mark, semicolons): the same rows.
  const cli = ingestStaff(parseCsv(decodeCsv(readFileSync(SEMICOLON_CSV)).text));
  await page.locator('header input[type="file"]').setInputFiles(SEMICOLON_CSV);
  await poll(
    async () =>
      (await page
        .getByText(`Staff: staff, ${cli.rowsRead} rows`)
        .count()
        .catch(() => 0)) > 0,
    "the CSV's rows counted as the command line counts them"
  );
  expect(cli.records.length).toBe(cli.rowsRead);
  await scan("CSV opened");

  // A CSV without recognisable headings: no staff table is picked; chosen by hand, the missing
  // columns are listed once each, as mapping problems.
  await page.locator('header input[type="file"]').setInputFiles(NO_HEADER_CSV);
  await poll(() => visible(page, "combobox", "Staff table"), "the CSV without headings opened");
  await scan("CSV without headings");
  await page.getByRole("combobox", { name: "Staff table" }).selectOption({ index: 1 });
  await poll(
    async () => (await page.getByText(/Columns not found/).count()) > 0,
    "the missing columns listed"
  );
  expect(await page.getByText(/^Staff: .*map one by hand/).count()).toBe(
    ingestStaff([["a", "b", "c"]]).problems.length
  );
  await scan("CSV without headings, chosen as the staff table");
  await shot("workbench-bad-csv");

  await page.locator('header input[type="file"]').setInputFiles(NOT_A_WORKBOOK);
  await poll(
    async () => ((await page.getByRole("alert").first().textContent()) ?? "") !== "",
    "the error shown"
  );
  await scan("not a workbook");
  await shot("workbench-bad-input");
  return found;
}

/** Tab until `done` says so; each focused element must be seen. Returns the presses. */
async function tabUntil(page: Page, done: () => Promise<boolean>, limit: number) {
  const unseen: string[] = [];
  let presses = 0;
  while (presses < limit && !(await done())) {
    await page.keyboard.press("Tab");
    presses++;
    const seen = await focusSeen(page);
    if (!seen.inView || !seen.uncovered)
      unseen.push(`${seen.what}: ${seen.inView ? "covered" : "out of view"}`);
  }
  return { presses, unseen };
}

const focusedName = (page: Page) =>
  page.evaluate(() => (document.activeElement?.textContent ?? "").trim());

describe.skipIf(!haveChromium)("accessibility gate in Chromium", () => {
  beforeAll(async () => {
    await builtPage(WORKBENCH_PAGE);
    await builtPage(SINGLE_FILE_WORKBENCH);
    server = await serve(port);
    browser = await launchChromium();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  for (const size of SIZES) {
    it(`axe finds no WCAG 2.2 A/AA violation in any state at ${size.name}, served`, async () => {
      // axe-core's runner opens a page of its own in the context: newPage() on the browser will not do.
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        acceptDownloads: true,
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      const found = await everyState(page, served(), size.name);
      await context.close();
      expect(found).toEqual([]);
      // No Content-Security-Policy report or script error on the way.
      expect(errors).toEqual([]);
    }, 300_000);
  }

  it("axe finds no violation in the single file at 320×225 either", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 225 } });
    const page = await context.newPage();
    await page.goto(pathToFileURL(SINGLE_FILE_WORKBENCH).href);
    await page.getByRole("button", { name: "Open the sample" }).click();
    await poll(
      () => visible(page, "button", /Row 42, FTE: found "37"/),
      "the sample's problems listed"
    );
    const found = await axeViolations(page, "single file, sample opened @ 320x225");
    await context.close();
    expect(found).toEqual([]);
  }, 120_000);

  it("at 320×225 the keyboard reaches Build in 10 Tab presses or fewer after opening the sample, every focus in view, and the focus lands on the result", async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 225 } });
    await page.goto(served());
    await page.getByRole("button", { name: "Open the sample" }).waitFor();

    // To "Open the sample" from the top of the page.
    const toSample = await tabUntil(
      page,
      async () => (await focusedName(page)) === "Open the sample",
      10
    );
    expect(toSample.unseen).toEqual([]);
    expect(await focusedName(page)).toBe("Open the sample");
    await page.keyboard.press("Enter");
    await poll(
      () => visible(page, "button", /Row 42, FTE: found "37"/),
      "the sample's problems listed"
    );
    expect(await focusedName(page)).toBe("Open the sample");

    // Tab to the skip link, follow it: the Build button has the focus.
    const toSkip = await tabUntil(
      page,
      async () => (await focusedName(page)) === "Skip to Build",
      10
    );
    expect(toSkip.unseen).toEqual([]);
    await page.keyboard.press("Enter");
    expect(await focusedName(page)).toBe("Build scrutiny summary");
    const atBuild = await focusSeen(page);
    expect(atBuild).toMatchObject({ inView: true, uncovered: true });
    expect(toSkip.presses, "Tab presses from opening the sample to Build").toBeLessThanOrEqual(10);
    await page.screenshot({ path: join(SHOTS, "keyboard-build-320x225.png") });

    // Build: the focus moves to the result, in view.
    await page.keyboard.press("Enter");
    await poll(
      async () => (await focusedName(page)) === "Summary built",
      "the focus on the result"
    );
    expect(await focusSeen(page)).toMatchObject({ inView: true, uncovered: true });
    await page.screenshot({ path: join(SHOTS, "keyboard-result-320x225.png") });

    // On through the sheets written to the viewer's tabs: every focus in view, no trap.
    const toTabs = await tabUntil(
      page,
      () => page.evaluate(() => document.activeElement?.getAttribute("role") === "tab"),
      60
    );
    expect(toTabs.unseen).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("tab");
    // The arrow keys move along the tabs and show each sheet.
    const before = await focusedName(page);
    await page.keyboard.press("ArrowRight");
    const after = await focusedName(page);
    expect(after).not.toBe(before);
    expect(
      await page.getByRole("tab", { name: after, exact: true }).getAttribute("aria-selected")
    ).toBe("true");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("region");
    expect(await focusSeen(page)).toMatchObject({ inView: true });

    // A term's explanation shows on keyboard focus (and on hover).
    await page.getByText("ASYE", { exact: true }).first().focus();
    await poll(
      () => visible(page, "tooltip", /^ASYE: the Assessed and Supported Year/),
      "ASYE explained on focus"
    );
    await page.mouse.move(0, 0);
    await page.getByText("c", { exact: true }).first().hover();
    await poll(
      () => visible(page, "tooltip", /^c means a count too small to show/),
      "c explained on hover"
    );
    await page.close();
  }, 180_000);
});
