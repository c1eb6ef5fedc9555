/** The workbench page's bootstrap: no Office, no network; the pane's plan builders as in Excel. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import packageJson from "../../package.json";
import { buildSummaryPlan } from "../core/summary/build";
import { buildTemplatePlan } from "../core/summary/template";
import { EngineClient, type EngineChannel } from "./engine-client";
import { Workbench, type WorkbenchProps } from "./Workbench";

/** Renders the workbench into the page's #root, with its engine on `channel`. */
export function mountWorkbench(
  loadSample: WorkbenchProps["loadSample"],
  channel: EngineChannel
): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <Workbench
      buildSummaryPlan={buildSummaryPlan}
      buildTemplatePlan={buildTemplatePlan}
      version={packageJson.version}
      loadSample={loadSample}
      engine={new EngineClient(channel)}
    />
  );
}
