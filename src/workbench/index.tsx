/**
 * The served workbench (npm run demo): the sample is a file beside the page, fetched on request;
 * the workbook and the heavy work live in a Web Worker (engine.worker.ts), so the page never waits.
 */
import { workerChannel } from "./engine-client";
import { mountWorkbench } from "./mount";

mountWorkbench(
  () => fetch("sample-staff.xlsx").then((r) => r.arrayBuffer()),
  workerChannel(new Worker(new URL("./engine.worker.ts", import.meta.url)))
);
