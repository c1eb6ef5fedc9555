/**
 * The state of "Make a copy that works without the add-in" and its restore: whether the open
 * workbook holds WORKFORCE formulas (checked once, when the pane opens), making the copy from the
 * workbook's own bytes (WorkbookPort.openWorkbookBytes) and handing it over as a new workbook
 * (WorkbookPort.deliverFile), the report, and a download where the host cannot open the file.
 * The open workbook is never changed. Messages are this feature's own.
 */
import * as React from "react";
import type { WorkbookPort } from "../../../host/workbook-port";
import type { Notice } from "../../components/Notices";
import { downloadFile, XLSX_TYPE } from "../../components/files";
import { plainError } from "../../components/plain-error";
import type { PortableReport, RestoreReport } from "./portable-copy";
import {
  holdsWorkforce,
  makePortableCopy,
  portableName,
  portableSummary,
  restoreCopy,
  restoredName,
  restoreSummary,
} from "./portable-copy";
import type { PortableSectionProps } from "./PortableSection";

const NO_BYTES =
  "This Excel cannot give the add-in a copy of the workbook. Save it, then use the workbench (open the .xlsx there) or the command line: workforce portable BOOK.xlsx -o COPY.xlsx";

export function usePortable(host: WorkbookPort): PortableSectionProps & { holdsFormulas: boolean } {
  const [holdsFormulas, setHoldsFormulas] = React.useState(false);
  const [running, setRunning] = React.useState<"copy" | "restore" | null>(null);
  const [report, setReport] = React.useState<PortableReport | null>(null);
  const [restored, setRestored] = React.useState<RestoreReport | null>(null);
  const [pending, setPending] = React.useState<{ bytes: Uint8Array; name: string } | null>(null);
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const next = React.useRef(0);
  const notify = (intent: Notice["intent"], title: string, text: string) =>
    setNotices((ns) => [...ns, { id: `portable-${next.current++}`, intent, title, text }]);

  React.useEffect(() => {
    let live = true;
    // A look at the workbook's formulas when the pane opens; silent when the host cannot say.
    host
      .openWorkbookBytes()
      .then((bytes) => (bytes ? holdsWorkforce(bytes) : false))
      .then((holds) => live && setHoldsFormulas(holds))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);

  const run = async (what: "copy" | "restore") => {
    if (running) return;
    setRunning(what);
    setNotices([]);
    setPending(null);
    try {
      const bytes = await host.openWorkbookBytes();
      if (!bytes) {
        notify("error", "Could not make the copy.", NO_BYTES);
        return;
      }
      const made = what === "copy" ? await makePortableCopy(bytes) : await restoreCopy(bytes);
      const name = what === "copy" ? portableName() : restoredName();
      if (what === "copy") {
        setReport(made.report as PortableReport);
        setRestored(null);
      } else {
        setRestored(made.report as RestoreReport);
        setReport(null);
      }
      const summary =
        what === "copy"
          ? portableSummary(made.report as PortableReport)
          : restoreSummary(made.report as RestoreReport);
      const how = await host.deliverFile({ name, type: XLSX_TYPE, data: made.bytes });
      if (how === "unavailable") {
        setPending({ bytes: made.bytes, name });
        notify(
          "info",
          "The copy is ready to download.",
          `${summary} Excel cannot open it as a new workbook here: use Download the copy. This workbook is unchanged.`
        );
      } else {
        notify(
          "success",
          what === "copy" ? "Copy made." : "Formulas restored in a copy.",
          `${summary} ${how === "opened" ? "It is open as a new workbook: save it under a name of your own." : `It was saved as "${name}".`} This workbook is unchanged.`
        );
      }
    } catch (error) {
      notify(
        "error",
        what === "copy" ? "Could not make the copy." : "Could not restore the formulas.",
        plainError(error)
      );
    } finally {
      setRunning(null);
    }
  };

  return {
    holdsFormulas,
    running,
    report,
    restored,
    canDownload: pending !== null,
    notices,
    onDismiss: (id) => setNotices((ns) => ns.filter((n) => n.id !== id)),
    onMakeCopy: () => void run("copy"),
    onRestore: () => void run("restore"),
    onDownload: () => {
      if (pending) downloadFile(pending.bytes, pending.name, XLSX_TYPE);
    },
  };
}
