/** The served workbench (npm run demo): the sample is a file beside the page, fetched on request. */
import { mountWorkbench } from "./mount";

mountWorkbench(() => fetch("sample-staff.xlsx").then((r) => r.arrayBuffer()));
