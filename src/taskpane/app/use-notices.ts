/**
 * The pane's messages: each belongs to an area (the top of the pane or one section), and a new
 * message with the same title in the same area replaces the old one.
 */
import * as React from "react";
import type { Notice } from "../components/Notices";

/** Where a message is shown: at the top of the pane or in one section. */
export type Area =
  "pane" | "data" | "check" | "benchmarks" | "build" | "share" | "template" | "census";

export interface PaneNotice extends Notice {
  area: Area;
}

export type Notify = (area: Area, intent: Notice["intent"], title: string, text: string) => void;

export function useNotices() {
  const [notices, setNotices] = React.useState<PaneNotice[]>([]);
  const nextNotice = React.useRef(0);
  const notify: Notify = React.useCallback((area, intent, title, text) => {
    const id = `notice-${nextNotice.current++}`;
    setNotices((ns) => [
      ...ns.filter((n) => !(n.area === area && n.title === title)),
      { id, area, intent, title, text },
    ]);
  }, []);
  const clearArea = React.useCallback(
    (area: Area) => setNotices((ns) => ns.filter((n) => n.area !== area)),
    []
  );
  const dismiss = React.useCallback(
    (id: string) => setNotices((ns) => ns.filter((n) => n.id !== id)),
    []
  );
  const noticesFor = (area: Area) => notices.filter((n) => n.area === area);
  const notifyIn = React.useCallback(
    (area: Area) => (intent: Notice["intent"], title: string, text: string) =>
      notify(area, intent, title, text),
    [notify]
  );
  return { notify, clearArea, dismiss, noticesFor, notifyIn };
}
