/** The workbench page's bootstrap: no Office, no network; the pane's plan builders as in Excel. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import packageJson from "../../package.json";
import { buildSummaryPlan } from "../core/summary/build";
import { buildTemplatePlan } from "../core/summary/template";
import { Workbench } from "./Workbench";

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <Workbench
      buildSummaryPlan={buildSummaryPlan}
      buildTemplatePlan={buildTemplatePlan}
      version={packageJson.version}
      sampleUrl="sample-staff.xlsx"
    />
  );
}
