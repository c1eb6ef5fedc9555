/**
 * Accessibility checks for the browser tests: axe-core's WCAG 2.x A and AA rules on a page, and
 * whether the focused element can be seen (in the viewport, not covered by anything else).
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** WCAG 2.0, 2.1 and 2.2, levels A and AA, as axe-core tags them. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Each violation axe finds on the page, as one line naming the state, the rule and the elements. */
export async function axeViolations(page: Page, state: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map(
    (v) =>
      `${state}: ${v.id} (${v.impact ?? "?"}) ${v.help}: ${v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(" "))
        .join(" | ")}${v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ""}`
  );
}

export interface FocusSeen {
  /** What has the focus: its role or tag, and its name or text. */
  what: string;
  /** Inside the viewport (at least partly). */
  inView: boolean;
  /** The element at its centre is it (or inside it): nothing covers it. */
  uncovered: boolean;
}

/** Where the focused element is (a hidden file input counts as its label). */
export function focusSeen(page: Page): Promise<FocusSeen> {
  return page.evaluate(() => {
    let el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: "body", inView: false, uncovered: false };
    const what = `${el.getAttribute("role") ?? el.tagName.toLowerCase()} "${(
      el.getAttribute("aria-label") ??
      el.textContent ??
      ""
    )
      .trim()
      .slice(0, 60)}"`;
    if (el instanceof HTMLInputElement && el.type === "file") el = el.closest("label") ?? el;
    const r = el.getBoundingClientRect();
    const inView =
      r.width > 0 &&
      r.height > 0 &&
      r.bottom > 0 &&
      r.right > 0 &&
      r.top < window.innerHeight &&
      r.left < window.innerWidth;
    const x = Math.min(Math.max(r.left + r.width / 2, 0), window.innerWidth - 1);
    const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 8), 0), window.innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    const uncovered = !!hit && (el.contains(hit) || hit.contains(el));
    return { what, inView, uncovered };
  });
}

/** True when the page scrolls sideways (its content is wider than the window). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1
  );
}
