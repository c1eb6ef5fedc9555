// @vitest-environment jsdom
/**
 * The bootstrap (taskpane.ts): outside Excel it explains itself; in Excel it renders the pane
 * with the Office workbook. Office, the adapter and the builders are stand-ins here.
 */
import "./setup";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

const renderPane = vi.fn();
vi.mock("../../src/taskpane/index", () => ({ renderPane }));
vi.mock("../../src/core/summary/build", () => ({ buildSummaryPlan: vi.fn() }));
vi.mock("../../src/core/summary/template", () => ({ buildTemplatePlan: vi.fn() }));
vi.mock("../../src/host/office/office-workbook", () => ({
  OfficeWorkbook: class {
    readonly office = true;
  },
}));

const PAGE = `<div id="root"><p id="status">Loading…</p></div>`;

beforeEach(() => {
  vi.resetModules();
  renderPane.mockReset();
  document.body.innerHTML = PAGE;
});
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

function office(host: string | null) {
  (globalThis as { Office?: unknown }).Office = {
    HostType: { Excel: "Excel" },
    onReady: () => Promise.resolve({ host, platform: null }),
  };
}

const status = () => document.getElementById("status")?.textContent;

test("without office.js the page says to open it from Excel", async () => {
  await import("../../src/taskpane/taskpane");
  expect(status()).toBe("Open this page from Excel to use Workforce Scrutiny.");
  expect(renderPane).not.toHaveBeenCalled();
});

test("in a plain browser (Office ready with no host) the page says what it is", async () => {
  office(null);
  await import("../../src/taskpane/taskpane");
  await vi.waitFor(() =>
    expect(status()).toMatch(/^This is the Workforce Scrutiny add-in for Excel/)
  );
  expect(renderPane).not.toHaveBeenCalled();
});

test("in another Office application it says it runs in Excel", async () => {
  office("Word");
  await import("../../src/taskpane/taskpane");
  await vi.waitFor(() => expect(status()).toBe("Workforce Scrutiny runs in Excel."));
});

test("in Excel it renders the pane with the Office workbook, the builders and the version", async () => {
  office("Excel");
  await import("../../src/taskpane/taskpane");
  await vi.waitFor(() => expect(renderPane).toHaveBeenCalledTimes(1));
  const [container, props] = renderPane.mock.calls[0];
  expect(container).toBe(document.getElementById("root"));
  expect(props.host.office).toBe(true);
  expect(typeof props.buildSummaryPlan).toBe("function");
  expect(typeof props.buildTemplatePlan).toBe("function");
  expect(props.version).toMatch(/^\d+\.\d+\.\d+/);
});
