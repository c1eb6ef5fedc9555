// @vitest-environment jsdom
/**
 * The pane at 320 px, Office's narrowest task pane. jsdom has no layout engine: nothing here can
 * measure where text wraps or whether anything overflows. What can be checked honestly is what
 * the code declares: no element carries an inline width (or minimum width) over 320 px, and no
 * CSS rule the pane inserted (Fluent's and ours, through Griffel) fixes a width over 300 px.
 * Checking the real rendering at 320 px needs a browser.
 */
import "./setup";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { expect, test } from "vitest";
import { App } from "../../src/taskpane/app/App";
import { FakeHost, fakePlan } from "./fake-host";
import { workbook } from "./fixtures";

const PANE_WIDTH = 320;
/** Fixed widths allowed in style rules: the pane's own padding needs the rest. */
const MAX_RULE_WIDTH = 300;
const WIDTH_PROPERTIES = ["width", "min-width", "flex-basis", "inline-size", "min-inline-size"];

function pixels(value: string): number | null {
  const m = /^(-?\d+(?:\.\d+)?)px$/.exec(value.trim());
  return m ? Number(m[1]) : null;
}

/** Every width declared in a px value by the style rules in the document. */
function ruleWidths(): { selector: string; property: string; px: number }[] {
  const out: { selector: string; property: string; px: number }[] = [];
  const walk = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      if ("cssRules" in rule && (rule as CSSGroupingRule).cssRules) {
        walk((rule as CSSGroupingRule).cssRules);
      }
      if (!("style" in rule)) continue;
      const style = (rule as CSSStyleRule).style;
      for (const property of WIDTH_PROPERTIES) {
        const px = pixels(style.getPropertyValue(property));
        if (px !== null) out.push({ selector: (rule as CSSStyleRule).selectorText, property, px });
      }
    }
  };
  for (const sheet of Array.from(document.styleSheets)) walk(sheet.cssRules);
  return out;
}

test("at 320 px nothing declares a width wider than the pane", async () => {
  window.innerWidth = PANE_WIDTH;
  window.dispatchEvent(new Event("resize"));
  const { sources, staff } = workbook();
  staff[2][2] = "A very long job title that an HR system exported without any abbreviation at all";
  const host = new FakeHost(sources);
  render(
    <App
      host={host}
      buildSummaryPlan={() => fakePlan("summary", "Scrutiny summary")}
      buildTemplatePlan={() => fakePlan("staff-template", "Staff template")}
      version="0.1.0"
    />
  );
  await screen.findByText(/^Staff rows in Staff:/);
  // Show the result and progress parts too.
  await userEvent.setup().click(screen.getByRole("button", { name: "Build scrutiny summary" }));
  await screen.findByText(/^Built from/);

  const elements = Array.from(document.body.querySelectorAll<HTMLElement>("*"));
  expect(elements.length).toBeGreaterThan(100);
  const tooWide = elements.filter((el) =>
    [el.style.width, el.style.minWidth, el.getAttribute("width") ?? ""].some(
      (v) => (pixels(v) ?? (/^\d+$/.test(v) ? Number(v) : 0)) > PANE_WIDTH
    )
  );
  expect(tooWide.map((el) => el.outerHTML.slice(0, 120))).toEqual([]);

  const rules = ruleWidths();
  // The check is live: Fluent's rules were inserted and have px widths (small ones).
  expect(rules.length).toBeGreaterThan(0);
  expect(rules.filter((r) => r.px > MAX_RULE_WIDTH)).toEqual([]);
});

test("at 320 px the Benchmarks, Census and Share parts declare no width wider than the pane", async () => {
  window.innerWidth = PANE_WIDTH;
  window.dispatchEvent(new Event("resize"));
  const host = new FakeHost(workbook().sources, { benchmarks: { la: "352" } });
  render(
    <App
      host={host}
      buildSummaryPlan={() => fakePlan("summary", "Scrutiny summary")}
      buildTemplatePlan={() => fakePlan("staff-template", "Staff template")}
      version="0.1.0"
    />
  );
  await screen.findByText(/^Staff rows in Staff:/);
  const user = userEvent.setup();
  const open = (name: string) =>
    user.click(within(screen.getByRole("heading", { level: 2, name })).getByRole("button"));
  await open("Benchmarks");
  await screen.findByText(
    /^Manchester, North West: as DfE published them/,
    {},
    { timeout: 20_000 }
  );
  await open("Census");
  await user.type(screen.getByLabelText("LA number"), "352");
  await user.click(screen.getByRole("button", { name: "Check and prepare the return" }));
  await screen.findByRole("button", { name: "Download return.xml" });
  // The share part's message too (whether the fake builder's plan can be shared or not).
  await user.click(screen.getByRole("button", { name: "Prepare to share" }));
  await screen.findByText(/^(Ready to share|Could not prepare the summary to share)/);

  const elements = Array.from(document.body.querySelectorAll<HTMLElement>("*"));
  const tooWide = elements.filter((el) =>
    [
      el.style.width,
      el.style.minWidth,
      el.getAttribute("width") ?? "",
      el.getAttribute("size") ?? "",
    ].some((v) => (pixels(v) ?? (/^\d+$/.test(v) ? Number(v) : 0)) > PANE_WIDTH)
  );
  expect(tooWide.map((el) => el.outerHTML.slice(0, 120))).toEqual([]);
  expect(ruleWidths().filter((r) => r.px > MAX_RULE_WIDTH)).toEqual([]);
  // Every select and input of the new parts is labelled.
  for (const control of Array.from(document.querySelectorAll<HTMLElement>("select, input"))) {
    const label = (control as HTMLInputElement).labels?.[0]?.textContent ?? "";
    expect(label, control.outerHTML.slice(0, 80)).toBeTruthy();
  }
}, 60_000);
