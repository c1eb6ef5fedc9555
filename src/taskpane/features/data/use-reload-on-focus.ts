/**
 * Back in the pane after editing the sheet: small tables are read again, so Check and "Refresh"
 * reflect the edit. (Office.js table events are not part of the port.)
 */
import * as React from "react";

/** Tables up to this many cells are read again when the pane gets the focus back. */
const FOCUS_RELOAD_CELLS = 250_000;
const FOCUS_RELOAD_INTERVAL_MS = 5_000;

export function useReloadOnFocus(current: {
  reload: () => Promise<void>;
  /** Something is running: do not read now. */
  busy: boolean;
  /** Cells in the staff and posts tables. */
  cells: number;
}): void {
  const latest = React.useRef(current);
  latest.current = current;
  React.useEffect(() => {
    let last = 0;
    const onFocus = () => {
      const now = Date.now();
      const { busy, cells } = latest.current;
      if (busy || cells > FOCUS_RELOAD_CELLS || now - last < FOCUS_RELOAD_INTERVAL_MS) return;
      last = now;
      void latest.current.reload();
    };
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, []);
}
