/**
 * "Workbooks that travel": make a copy of this workbook that works in an Excel without the
 * add-in (WORKFORCE formulas made native, or their values with the formula in a note), restore
 * such a copy, and the report grouped by sheet. `PortableBanner` is the one-line warning at the
 * top of the pane when the workbook holds WORKFORCE formulas.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
} from "@fluentui/react-components";
import * as React from "react";
import type { Notice } from "../../components/Notices";
import { Notices } from "../../components/Notices";
import { useSectionStyles } from "../../components/styles";
import type { PortableReport, RestoreReport } from "./portable-copy";
import { PORTABLE_WARNING, portableSummary } from "./portable-copy";

export interface PortableSectionProps {
  running: "copy" | "restore" | null;
  report: PortableReport | null;
  restored: RestoreReport | null;
  /** The host could not open the file: a download is offered. */
  canDownload: boolean;
  notices: readonly Notice[];
  onDismiss: (id: string) => void;
  onMakeCopy: () => void;
  onRestore: () => void;
  onDownload: () => void;
}

/** Entries listed per sheet before "and N more". */
const LISTED = 40;

export const MAKE_COPY = "Make a copy that works without the add-in";

export function PortableBanner(props: {
  holdsFormulas: boolean;
  running: PortableSectionProps["running"];
  onMakeCopy: () => void;
}): React.JSX.Element | null {
  if (!props.holdsFormulas) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{PORTABLE_WARNING}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" disabledFocusable={props.running !== null} onClick={props.onMakeCopy}>
          {MAKE_COPY}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

function Report({ report }: { report: PortableReport }): React.JSX.Element {
  const styles = useSectionStyles();
  return (
    <div className={styles.group}>
      <p className={styles.text} role="status">
        {portableSummary(report)}
      </p>
      {report.sheets.map(({ sheet, entries }) => (
        <div key={sheet} className={styles.group}>
          <h3 className={styles.heading}>{sheet}</h3>
          <ul className={styles.text}>
            {entries.slice(0, LISTED).map((e, i) => (
              <li key={i}>
                {e.what === "cell" ? "" : `${e.what} `}
                {e.where}: {e.formula} — {e.became === "native" ? "made native" : e.became}
                {e.became === "native" ? "" : ` (${e.now})`}
                {e.reason ? `: ${e.reason}` : ""}
              </li>
            ))}
            {entries.length > LISTED && <li>and {entries.length - LISTED} more</li>}
          </ul>
        </div>
      ))}
      {report.otherAddins.length > 0 && (
        <p className={styles.text}>
          Other add-ins&apos; formulas, left as they were:{" "}
          {report.otherAddins
            .map((o) => `${o.sheet}!${o.where} (${o.functions.join(", ")})`)
            .join("; ")}
          .
        </p>
      )}
    </div>
  );
}

export function PortableSection(props: PortableSectionProps): React.JSX.Element {
  const styles = useSectionStyles();
  return (
    <div className={styles.stack}>
      <p className={styles.text}>
        Colleagues without the add-in see #NAME? in WORKFORCE formulas. The copy replaces each with
        native Excel arithmetic that stays live (the rates on numbers) or with its value, keeping
        the formula in a note on the cell. This workbook is not changed.
      </p>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabledFocusable={props.running !== null}
          onClick={props.onMakeCopy}
        >
          {MAKE_COPY}
        </Button>
        <Button disabledFocusable={props.running !== null} onClick={props.onRestore}>
          Restore WORKFORCE formulas from the notes
        </Button>
        {props.canDownload && <Button onClick={props.onDownload}>Download the copy</Button>}
      </div>
      {props.running && (
        <Spinner
          size="small"
          label={props.running === "copy" ? "Making the copy…" : "Restoring the formulas…"}
        />
      )}
      <Notices notices={props.notices} onDismiss={props.onDismiss} />
      {props.report && !props.running && <Report report={props.report} />}
      {props.restored && !props.running && props.restored.sheets.length > 0 && (
        <ul className={styles.text} aria-label="Formulas restored">
          {props.restored.sheets.flatMap(({ sheet, entries }) =>
            entries.slice(0, LISTED).map((e, i) => (
              <li key={`${sheet}-${i}`}>
                {sheet}!{e.where}: {e.formula}
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
