/**
 * The single-file workbench (npm run build:workbench:single): everything is inside one .html
 * file, so the sample comes as base64 text in the bundle (see webpack.workbench-single.js) and
 * nothing is fetched, not even from beside the page. Its policy allows no worker, so the engine
 * runs in the page (engine-in-page.ts).
 */
import SAMPLE_BASE64 from "../../examples/sample-staff.xlsx?base64";
import { inPageChannel } from "./engine-in-page";
import { mountWorkbench } from "./mount";

function sampleBytes(): Promise<ArrayBuffer> {
  const text = atob(SAMPLE_BASE64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return Promise.resolve(bytes.buffer);
}

mountWorkbench(sampleBytes, inPageChannel());
