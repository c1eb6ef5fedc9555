/**
 * What Fluent UI needs from a browser that jsdom lacks, and cleanup between tests (Testing
 * Library cleans up by itself only when the test globals are on; this project's Vitest has them off).
 * Imported at the top of each task-pane test file.
 */
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// findBy*/waitFor give up after 1 s by default: too short for a 2-core machine running the
// whole suite (a Fluent UI render can take longer), and a timeout there is not a finding.
configure({ asyncUtilTimeout: 10_000 });

if (typeof window.matchMedia !== "function") {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (typeof globalThis.ResizeObserver !== "function") {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

afterEach(() => cleanup());
