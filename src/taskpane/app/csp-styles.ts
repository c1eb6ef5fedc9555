/**
 * Fluent UI styles under the page's Content-Security-Policy.
 *
 * taskpane.html allows `style-src 'self'` only. Griffel (Fluent's CSS-in-JS) and FluentProvider
 * put their rules into `<style>` elements they create at run time; under that policy the browser
 * gives such an element no style sheet (`element.sheet` is null), so every Fluent rule and every
 * theme token would be dropped silently and the pane would render unstyled. Two things the policy
 * does allow (the CSSOM is not "inline" style):
 *
 * - constructed style sheets (`new CSSStyleSheet()` added to `document.adoptedStyleSheets`): the
 *   renderer below puts Griffel's rules there, one sheet per Griffel bucket, in Griffel's order;
 * - `element.style.setProperty`: the theme's tokens (CSS variables) are set on the root element.
 *
 * Where constructed sheets are missing (old WebViews, jsdom), Griffel's own renderer is used.
 */
import { createDOMRenderer, GriffelRenderer, Theme } from "@fluentui/react-components";

type CssRulesByBucket = Parameters<GriffelRenderer["insertCSSRules"]>[0];

/** Griffel's bucket order (`styleBucketOrdering` in @griffel/core): later buckets win ties. */
const BUCKET_ORDER = ["r", "d", "l", "v", "w", "f", "i", "h", "a", "s", "k", "t", "m", "c", "x"];

interface OrderedSheet {
  sheet: CSSStyleSheet;
  bucket: number;
  condition: string;
  priority: number;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** True when this document can hold constructed style sheets. */
export function canAdoptStyleSheets(doc: Document): boolean {
  const view = doc.defaultView as (Window & { CSSStyleSheet?: typeof CSSStyleSheet }) | null;
  if (!view || typeof view.CSSStyleSheet !== "function" || !("adoptedStyleSheets" in doc)) {
    return false;
  }
  try {
    new view.CSSStyleSheet();
    return true;
  } catch {
    return false;
  }
}

/** One renderer per document: Griffel remembers, by renderer id, which rules it inserted. */
const renderers = new WeakMap<Document, GriffelRenderer>();
let rendererCount = 0;

/** A Griffel renderer that the page's Content-Security-Policy does not block (one per document). */
export function createCspSafeRenderer(doc: Document): GriffelRenderer {
  let renderer = renderers.get(doc);
  if (!renderer) {
    renderer = canAdoptStyleSheets(doc) ? adoptingRenderer(doc) : createDOMRenderer(doc);
    renderers.set(doc, renderer);
  }
  return renderer;
}

function adoptingRenderer(doc: Document): GriffelRenderer {
  const SheetType = (doc.defaultView as Window & { CSSStyleSheet: typeof CSSStyleSheet })
    .CSSStyleSheet;
  const ordered: OrderedSheet[] = [];
  const byKey = new Map<string, CSSStyleSheet>();

  const sheetFor = (bucketName: string, metadata: Record<string, unknown>): CSSStyleSheet => {
    const condition = String(
      (bucketName === "m" ? metadata.m : bucketName === "x" ? metadata.x : "") ?? ""
    );
    const priority = Number(metadata.p ?? 0);
    const key = `${bucketName}|${condition}|${priority}`;
    let sheet = byKey.get(key);
    if (sheet) return sheet;
    sheet = new SheetType();
    byKey.set(key, sheet);
    ordered.push({ sheet, bucket: BUCKET_ORDER.indexOf(bucketName), condition, priority });
    ordered.sort(
      (a, b) =>
        a.bucket - b.bucket || compareText(a.condition, b.condition) || a.priority - b.priority
    );
    const mine = new Set(ordered.map((o) => o.sheet));
    // Keep any sheet someone else adopted, before ours.
    doc.adoptedStyleSheets = [
      ...doc.adoptedStyleSheets.filter((s) => !mine.has(s)),
      ...ordered.map((o) => o.sheet),
    ];
    return sheet;
  };

  const renderer: GriffelRenderer = {
    id: `csp-safe-${rendererCount++}`,
    insertionCache: {},
    stylesheets: {},
    compareMediaQueries: compareText,
    compareContainerQueries: compareText,
    insertCSSRules(cssRules: CssRulesByBucket) {
      for (const bucketName in cssRules) {
        const entries = cssRules[bucketName as keyof CssRulesByBucket] ?? [];
        for (const entry of entries) {
          const [css, metadata] = Array.isArray(entry) ? entry : [entry, {}];
          if (renderer.insertionCache[css]) continue;
          renderer.insertionCache[css] = bucketName as keyof CssRulesByBucket;
          const sheet = sheetFor(bucketName, metadata as Record<string, unknown>);
          try {
            sheet.insertRule(css, sheet.cssRules.length);
          } catch {
            // A rule this browser does not understand (a vendor prefix): skipped, as Griffel does.
          }
        }
      }
    },
  };
  return renderer;
}

/** The theme's tokens as CSS variables on an element (the CSSOM, which the policy allows). */
export function applyThemeVariables(element: HTMLElement, theme: Theme): void {
  for (const [name, value] of Object.entries(theme)) {
    element.style.setProperty(`--${name}`, String(value));
  }
}
