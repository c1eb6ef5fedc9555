/**
 * The task pane's bootstrap: the only task-pane file that touches Office. In the shared runtime
 * this page also hosts the custom functions and the ribbon commands, so nothing here may block or
 * throw at load time. Once Office is ready in Excel it renders the pane (index.tsx) with the
 * Office.js workbook as its host; anywhere else it says where to open it.
 */
import packageJson from "../../package.json";
import { buildSummaryPlan } from "../core/summary/build";
import { buildTemplatePlan } from "../core/summary/template";
import { OfficeWorkbook } from "../host/office/office-workbook";
import { renderPane } from "./index";

function setStatus(text: string): void {
  const status = document.getElementById("status");
  if (status) status.textContent = text;
}

function start(): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    // Opened outside Office (or office.js could not load): the page still explains itself.
    setStatus("Open this page from Excel to use Workforce Scrutiny.");
    return;
  }
  Office.onReady()
    .then((info) => {
      if (info.host === null || info.host === undefined) {
        setStatus(
          "This is the Workforce Scrutiny add-in for Excel. Open it from Excel's Home tab to use it."
        );
        return;
      }
      if (info.host !== Office.HostType.Excel) {
        setStatus("Workforce Scrutiny runs in Excel.");
        return;
      }
      const container = document.getElementById("root");
      if (!container) return;
      renderPane(container, {
        host: new OfficeWorkbook(),
        buildSummaryPlan,
        buildTemplatePlan,
        version: packageJson.version,
      });
    })
    .catch(() =>
      setStatus("Office could not start this add-in. Close the pane and open it again.")
    );
}

start();
