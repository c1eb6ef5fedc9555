/**
 * The engine in the page itself, for the single-file workbench: its policy (default-src 'none',
 * scripts by hash only) allows no worker, and a worker made from a blob: URL would need
 * `worker-src blob:`, which lets any script the page runs start one. So the single file keeps its
 * policy and runs the same engine here, one request at a time, letting the page repaint between
 * requests: the page is busy while a big workbook is read or saved, as before, but every step is
 * shown. The served workbench (index.tsx) runs the engine in a Web Worker.
 */
import { yieldToPage } from "../taskpane/app/pane-work";
import type { EngineChannel } from "./engine-client";
import { Engine } from "./engine";

export function inPageChannel(): EngineChannel {
  const engine = new Engine();
  let queue = Promise.resolve();
  const channel: EngineChannel = {
    onMessage: null,
    post(message) {
      queue = queue.then(async () => {
        await yieldToPage();
        await engine.handle(message, (answer) => {
          // As from a worker: answers arrive later, never inside the request that asked.
          setTimeout(() => channel.onMessage?.(answer), 0);
        });
      });
    },
  };
  return channel;
}
