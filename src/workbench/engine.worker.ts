/**
 * The served workbench's Web Worker: the engine (engine.ts) answering the page, one request at a
 * time in the order they came (the workbook is never read while it is being written).
 */
import type { RequestMessage } from "./engine-protocol";
import { Engine } from "./engine";

const engine = new Engine();
let queue = Promise.resolve();

self.onmessage = (event: MessageEvent<RequestMessage>) => {
  queue = queue.then(() =>
    engine.handle(event.data, (message, transfer) =>
      self.postMessage(message, { transfer: transfer ?? [] })
    )
  );
};
