/**
 * What an analyst does in the workbench, in a real browser: open the sample, see its two bad rows
 * (each a button that selects its cell), build the scrutiny summary, download the workbook.
 */
import { join } from "node:path";
import { expect } from "vitest";
import type { Page } from "playwright-core";

/** Runs the steps on an open workbench page; saves the download as `file`. Screenshots go to `shots`. */
export async function sampleToDownload(page: Page, file: string, shots?: string): Promise<void> {
  await page.getByRole("button", { name: "Open the sample" }).click();

  await expect
    .poll(() => page.getByRole("button", { name: /Row 42, FTE: found "37"/ }).count(), {
      timeout: 30_000,
    })
    .toBe(1);
  await page.getByRole("button", { name: /Row 98, Start Date/ }).click();
  if (shots) await page.screenshot({ path: join(shots, "pane-check.png") });

  await page.getByRole("button", { name: "Build scrutiny summary" }).click();
  await expect
    .poll(() => page.getByRole("tab", { name: "Scrutiny summary" }).count(), { timeout: 60_000 })
    .toBe(1);
  if (shots) {
    await page.screenshot({ path: join(shots, "workbench-summary.png") });
    await page.locator(".pane").screenshot({ path: join(shots, "pane.png") });
  }

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download" }).click(),
  ]);
  await download.saveAs(file);
}
