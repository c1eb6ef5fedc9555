/**
 * Census: import a CSWW return (DfE's Children's Social Work Workforce XML) as a staff table,
 * and export the return for a collection year from the staff table, after a pre-submission check.
 */
import { Button, Field, Input, Spinner } from "@fluentui/react-components";
import * as React from "react";
import { groupProblems } from "../../../core/problem-groups";
import { describeProblem, type Problem } from "../../../core/problems";
import { Notice, Notices } from "../../components/Notices";
import { ProblemGroups } from "../../components/ProblemGroups";
import { useSectionStyles } from "../../components/styles";
import type { ExportedCensus, ImportedCensus } from "./use-census";
import { Term, TERMS } from "../../components/Term";

export type CensusField = "year" | "lea" | "vacancies";

export interface CensusSectionProps {
  importing: boolean;
  imported: ImportedCensus | null;
  /** The imported table, once listed: it can be chosen as the staff table. */
  importedTable: { key: string; name: string; chosen: boolean } | null;
  year: string;
  lea: string;
  /**
   * The vacancy FTE typed in, asked for only when the data gives none (no posts table, no
   * Vacant rows, no LA-level figure imported): the census requires NumberOfVacancies.
   */
  vacancies: string;
  needsVacancies: boolean;
  errors: Partial<Record<CensusField, string>>;
  /** Why the staff table cannot be exported yet (null when it can). */
  staffBlocker: string | null;
  exporting: boolean;
  exported: ExportedCensus | null;
  notices: readonly Notice[];
  onDismiss: (id: string) => void;
  onImport: (file: File) => void;
  onUseTable: (key: string) => void;
  onChange: (field: CensusField, value: string) => void;
  onPrepare: () => void;
  onDownload: () => void;
}

const n = (value: number) => value.toLocaleString("en-GB");
const plural = (count: number, one: string, many: string) =>
  `${n(count)} ${count === 1 ? one : many}`;

/** Problems grouped by kind, each kind an expandable list of its rows. */
function ProblemList(props: { title: string; problems: readonly Problem[] }) {
  const styles = useSectionStyles();
  const groups = React.useMemo(() => groupProblems(props.problems), [props.problems]);
  if (props.problems.length === 0) return null;
  return (
    <section aria-label={props.title} className={styles.group}>
      <h4 className={styles.heading}>
        {props.title} ({n(props.problems.length)})
      </h4>
      <ProblemGroups groups={groups} renderProblem={(p) => describeProblem(p)} />
    </section>
  );
}

export function CensusSection(props: CensusSectionProps): React.JSX.Element {
  const styles = useSectionStyles();
  const importId = React.useId();
  const exportId = React.useId();
  const { imported, exported, errors } = props;
  const importedErrors = imported?.problems.filter((p) => p.severity === "error").length ?? 0;
  const importedWarnings = imported ? imported.problems.length - importedErrors : 0;
  const exportErrors = exported?.problems.filter((p) => p.severity === "error") ?? [];
  const exportWarnings = exported?.problems.filter((p) => p.severity === "warning") ?? [];
  const field = (name: CensusField) => ({
    validationState: errors[name] ? ("error" as const) : ("none" as const),
    validationMessage: errors[name],
  });
  const cannotPrepare =
    props.staffBlocker !== null || Object.keys(errors).length > 0 || props.exporting;

  return (
    <div className={styles.stack}>
      <section aria-labelledby={importId} className={styles.group}>
        <h3 id={importId} className={styles.heading}>
          Import a census return
        </h3>
        <p className={styles.text}>
          Adds a sheet with the return&apos;s workers as a staff table (codes shown as readable
          values), which you can then choose as the staff table. Nothing else is changed.
        </p>
        <Field
          label="Import census file"
          hint="A CSWW return (.xml), as sent to DfE. It is read here: nothing is uploaded."
        >
          {(control) => (
            <input
              {...control}
              className={styles.control}
              type="file"
              accept=".xml,application/xml,text/xml"
              disabled={props.importing}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) props.onImport(file);
                e.target.value = "";
              }}
            />
          )}
        </Field>
        {props.importing && <Spinner size="small" label="Importing the census return…" />}
        <div className={styles.group} role="status">
          {imported && !props.importing && (
            <>
              <p className={styles.text}>
                Imported {plural(imported.workers, "worker", "workers")} from {imported.file}
                {imported.year !== null ? ` (collection year ${imported.year}` : " ("}
                {imported.lea !== null ? `, LA ${imported.lea})` : ")"} to the sheet{" "}
                {imported.sheet}.
              </p>
              <p className={styles.text}>
                The return itself has{" "}
                {imported.problems.length === 0
                  ? "no problems"
                  : `${plural(imported.problems.length, "problem", "problems")} (${plural(importedErrors, "error", "errors")}, ${plural(importedWarnings, "warning", "warnings")})`}
                .
              </p>
              <p className={styles.text}>
                {imported.vacancyFte !== null && imported.vacancyFte !== 0
                  ? `LA-level vacancies read: ${imported.vacancyFte.toLocaleString("en-GB")} FTE${imported.agencyFte !== null ? `, and ${imported.agencyFte.toLocaleString("en-GB")} agency FTE` : ""}.`
                  : imported.vacancyFte === 0
                    ? "The return's vacancy figure is 0, which is read as not given (returns made without posts data hold 0): vacancies need a posts table."
                    : "The return has no LA-level vacancies: vacancies need a posts table."}
              </p>
            </>
          )}
        </div>
        {imported && !props.importing && props.importedTable && !props.importedTable.chosen && (
          <div className={styles.actions}>
            <Button onClick={() => props.onUseTable(props.importedTable!.key)}>
              Use {props.importedTable.name} as the staff table
            </Button>
          </div>
        )}
        {imported && props.importedTable?.chosen && (
          <p className={styles.text}>{props.importedTable.name} is the staff table.</p>
        )}
        {imported && imported.problems.length > 0 && (
          <details>
            <summary>The return&apos;s problems</summary>
            <ProblemList
              title="Errors in the return"
              problems={imported.problems.filter((p) => p.severity === "error")}
            />
            <ProblemList
              title="Warnings in the return"
              problems={imported.problems.filter((p) => p.severity === "warning")}
            />
          </details>
        )}
      </section>

      <section aria-labelledby={exportId} className={styles.group}>
        <h3 id={exportId} className={styles.heading}>
          Export the census return
        </h3>
        <p className={styles.text}>
          Writes the CSWW return for a collection year from the staff table, and lists what would
          stop DfE accepting it before you download it.
        </p>
        <Field
          label="Collection year"
          hint="The return is as at 30 September of this year."
          {...field("year")}
        >
          <Input
            className={styles.control}
            type="number"
            inputMode="numeric"
            value={props.year}
            onChange={(_, d) => props.onChange("year", d.value)}
          />
        </Field>
        <Field
          label={<Term explanation={TERMS.la}>LA number</Term>}
          hint="Your three-digit LA (LEA) number, such as 352."
          {...field("lea")}
        >
          <Input
            className={styles.control}
            inputMode="numeric"
            maxLength={3}
            value={props.lea}
            onChange={(_, d) => props.onChange("lea", d.value)}
          />
        </Field>
        {props.needsVacancies && (
          <Field
            label="Vacancy FTE at 30 September"
            hint="The census requires the vacancy FTE. The staff table gives none (no posts table and no Vacant rows): choose a posts table in Data, or enter the figure from your establishment."
            {...field("vacancies")}
          >
            <Input
              className={styles.control}
              inputMode="decimal"
              value={props.vacancies}
              onChange={(_, d) => props.onChange("vacancies", d.value)}
            />
          </Field>
        )}
        {props.staffBlocker && <p className={styles.text}>{props.staffBlocker}</p>}
        <div className={styles.actions}>
          <Button disabledFocusable={cannotPrepare} onClick={props.onPrepare}>
            Check and prepare the return
          </Button>
        </div>
        {props.exporting && <Spinner size="small" label="Preparing the return…" />}
        <p className={styles.text} role="status">
          {exported && !props.exporting
            ? `The return for ${exported.year} (LA ${exported.lea}) holds ${plural(exported.workers, "worker", "workers")}. ${
                exported.problems.length === 0
                  ? "No pre-submission problems were found."
                  : `Pre-submission check: ${plural(exportErrors.length, "error", "errors")} to fix before sending it to DfE, ${plural(exportWarnings.length, "warning", "warnings")}.`
              }`
            : ""}
        </p>
        {exported && !props.exporting && (
          <div className={styles.group}>
            <div className={styles.actions}>
              <Button appearance="primary" onClick={props.onDownload}>
                Download return.xml
              </Button>
            </div>
            <ProblemList title="Pre-submission errors" problems={exportErrors} />
            <ProblemList title="Pre-submission warnings" problems={exportWarnings} />
          </div>
        )}
      </section>
      <Notices notices={props.notices} onDismiss={props.onDismiss} />
    </div>
  );
}
