/**
 * Build: the "Build scrutiny summary" button, its progress, what was written, and "Refresh"
 * when the staff data changed since the last build; and "Prepare to share", the summary as
 * values in a new workbook. While a build runs, its progress names each step, and Cancel stops it
 * until the sheets are being written (the previous summary is then untouched). The status lines are live regions present from the start, whose text
 * changes; after a build the focus moves to its result.
 */
import { Button, Field, Link, ProgressBar, Spinner } from "@fluentui/react-components";
import * as React from "react";
import { Notice, Notices } from "../../components/Notices";
import { useSectionStyles } from "../../components/styles";
import { Term, TERMS } from "../../components/Term";

export interface BuildOutcome {
  sheets: string[];
  rowsUsed: number;
  rowsLeftOut: number;
  postsRowsLeftOut: number | null;
}

export interface BuildSectionProps {
  /** Why the summary cannot be built yet, in plain English (empty when it can). */
  blockers: readonly string[];
  running: boolean;
  /** Cancel still stops the running build (until the workbook is being written). */
  cancellable: boolean;
  onCancel: () => void;
  /** The step running now, by name ("Writing Scrutiny summary"). */
  step: string;
  fraction: number;
  outcome: BuildOutcome | null;
  /** The staff or posts cells differ from those of the last build. */
  changedSinceBuild: boolean;
  notices: readonly Notice[];
  onDismiss: (id: string) => void;
  onBuild: () => void;
  onCheckChanges: () => void;
  onGoTo: (sheet: string) => void;
  /** Which LA's DfE benchmarks the summary will show (null: none chosen). */
  benchmarksNote: string | null;
  /** Prepare to share is making the new workbook. */
  sharing: boolean;
  shareNotices: readonly Notice[];
  onShare: () => void;
}

const n = (value: number) => value.toLocaleString("en-GB");

/** The Build button's id (the pane's skip link goes to it). */
export const BUILD_BUTTON_ID = "build-summary-button";

export function BuildSection(props: BuildSectionProps): React.JSX.Element {
  const styles = useSectionStyles();
  const blockersId = React.useId();
  const shareId = React.useId();
  const resultId = React.useId();
  const cancelId = React.useId();
  const blocked = props.blockers.length > 0;
  const result = React.useRef<HTMLHeadingElement>(null);
  const shown = props.outcome && !props.running ? props.outcome : null;
  // A new outcome (a build just finished): the focus goes to it.
  const lastShown = React.useRef(shown);
  React.useEffect(() => {
    if (shown && shown !== lastShown.current) result.current?.focus();
    lastShown.current = shown;
  }, [shown]);
  return (
    <div className={styles.stack}>
      <p className={styles.text}>
        Writes the summary to its own sheet, as Excel formulas over your staff table, so it stays
        correct when the data changes. Your own sheets are never changed.
      </p>
      {props.benchmarksNote && <p className={styles.text}>{props.benchmarksNote}</p>}
      {blocked && (
        <div id={blockersId} className={styles.group}>
          <p className={styles.text}>Before building:</p>
          <ul className={styles.list}>
            {props.blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </div>
      )}
      <p className={styles.text} role="status">
        {props.changedSinceBuild && !props.running
          ? "The data has changed since the summary was built."
          : ""}
      </p>
      <div className={styles.actions}>
        <Button
          id={BUILD_BUTTON_ID}
          appearance="primary"
          disabledFocusable={blocked || props.running || props.sharing}
          aria-describedby={blocked ? blockersId : undefined}
          onClick={props.onBuild}
        >
          Build scrutiny summary
        </Button>
        {props.changedSinceBuild && (
          <Button
            disabledFocusable={blocked || props.running || props.sharing}
            onClick={props.onBuild}
          >
            Refresh
          </Button>
        )}
        {props.outcome && !props.changedSinceBuild && (
          <Button disabledFocusable={props.running} onClick={props.onCheckChanges}>
            Check for changes
          </Button>
        )}
      </div>
      <div aria-live="polite">
        {props.running && (
          <Field label="Progress" hint={props.step} validationState="none">
            <ProgressBar value={props.fraction} max={1} />
          </Field>
        )}
      </div>
      {props.running && (
        <div className={styles.actions}>
          <Button
            disabledFocusable={!props.cancellable}
            aria-describedby={props.cancellable ? undefined : cancelId}
            onClick={props.onCancel}
          >
            Cancel
          </Button>
          {!props.cancellable && (
            <p id={cancelId} className={styles.text}>
              Writing the sheets: this last step finishes on its own.
            </p>
          )}
        </div>
      )}
      <Notices notices={props.notices} onDismiss={props.onDismiss} />
      <div className={styles.group}>
        {shown && (
          <h3 id={resultId} ref={result} tabIndex={-1} className={styles.heading}>
            Summary built
          </h3>
        )}
        <p className={styles.text} role="status">
          {shown
            ? `Built from ${n(shown.rowsUsed)} staff rows; ${n(shown.rowsLeftOut)} left out${shown.postsRowsLeftOut !== null ? `, and ${n(shown.postsRowsLeftOut)} posts rows left out` : ""}.`
            : ""}
        </p>
        {shown && (
          <>
            <p className={styles.text}>Sheets written:</p>
            <ul className={styles.links}>
              {shown.sheets.map((sheet) => (
                <li key={sheet}>
                  <Link as="button" className={styles.link} onClick={() => props.onGoTo(sheet)}>
                    {sheet}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <section aria-labelledby={shareId} className={styles.group}>
        <h3 id={shareId} className={styles.heading}>
          Share
        </h3>
        <p className={styles.text}>
          Makes a new workbook with the summary alone, for a committee paper or an email: values
          only (no formulas), no staff-level data, and small numbers shown as{" "}
          <Term explanation={TERMS.c}>c</Term>. This workbook is not changed.
        </p>
        <div className={styles.actions}>
          <Button
            disabledFocusable={blocked || props.running || props.sharing}
            aria-describedby={blocked ? blockersId : undefined}
            onClick={props.onShare}
          >
            Prepare to share
          </Button>
        </div>
        {props.sharing && <Spinner size="small" label="Preparing the workbook to share…" />}
        <Notices notices={props.shareNotices} onDismiss={props.onDismiss} />
      </section>
    </div>
  );
}
