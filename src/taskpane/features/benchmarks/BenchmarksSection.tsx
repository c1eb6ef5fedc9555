/**
 * Benchmarks: the user's local authority, picked once from DfE's list (a search box narrowing a
 * native select), DfE's published rates for it, and a newer DfE indicators file if one is out.
 * The summary then shows the LA beside its region, statistical neighbours and England.
 */
import { Button, Field, Input, Select, Spinner } from "@fluentui/react-components";
import * as React from "react";
import { Notice, Notices } from "../../components/Notices";
import { useSectionStyles } from "../../components/styles";
import { Authority, filterAuthorities, percent, Preview } from "./authorities";

export interface BenchmarksSectionProps {
  /** DfE's figures are being loaded. */
  loading: boolean;
  readingFile: boolean;
  /** DfE's local authorities, once loaded. */
  authorities: readonly Authority[] | null;
  query: string;
  /** The saved choice (an LA number), even before the list is loaded. */
  la: string | null;
  chosen: Authority | null;
  /** Where the figures come from. */
  source: { fromFile: boolean; years: string } | null;
  preview: Preview | null;
  notices: readonly Notice[];
  onDismiss: (id: string) => void;
  onQuery: (text: string) => void;
  onChoose: (la: string | null) => void;
  onFile: (file: File) => void;
  onUseBundled: () => void;
}

export function BenchmarksSection(props: BenchmarksSectionProps): React.JSX.Element {
  const styles = useSectionStyles();
  const { authorities, chosen } = props;
  const shown = React.useMemo(
    () => (authorities ? filterAuthorities(authorities, props.query) : []),
    [authorities, props.query]
  );
  // The chosen LA stays in the list while the search text hides it, so the select shows it.
  const options = chosen && !shown.includes(chosen) ? [chosen, ...shown] : shown;
  const unknownChoice = authorities !== null && props.la !== null && chosen === null;

  return (
    <div className={styles.stack}>
      <p className={styles.text}>
        Pick your local authority once: the summary then shows DfE&apos;s published figures for it
        beside your own, with its region, its statistical neighbours and England. The choice is
        saved in this workbook.
      </p>
      {props.loading && <Spinner size="small" label="Loading DfE's published figures…" />}
      <p className={styles.hidden} role="status">
        {authorities && props.query.trim() !== ""
          ? `${shown.length.toLocaleString("en-GB")} of ${authorities.length.toLocaleString("en-GB")} local authorities shown.`
          : ""}
      </p>
      {authorities && (
        <>
          <Field
            label="Find your local authority"
            hint="Type part of its name, its region or its three-digit LA number."
          >
            <Input
              className={styles.control}
              type="search"
              value={props.query}
              onChange={(_, d) => props.onQuery(d.value)}
            />
          </Field>
          <Field
            label="Your local authority"
            hint={`${shown.length.toLocaleString("en-GB")} of ${authorities.length.toLocaleString("en-GB")} local authorities shown.`}
            validationState={unknownChoice ? "warning" : "none"}
            validationMessage={
              unknownChoice
                ? `The local authority saved in this workbook (${props.la}) is not in DfE's figures: choose it again.`
                : undefined
            }
          >
            <Select
              className={styles.control}
              value={chosen ? chosen.oldCode : ""}
              onChange={(_, d) => props.onChoose(d.value === "" ? null : d.value)}
            >
              <option value="">None (no benchmarks)</option>
              {options.map((a) => (
                <option key={a.oldCode} value={a.oldCode}>
                  {a.name} ({a.oldCode})
                </option>
              ))}
            </Select>
          </Field>
        </>
      )}
      {props.preview && (
        <section aria-label="DfE's figures for your local authority" className={styles.group}>
          <p className={styles.text}>
            {props.preview.name}
            {props.preview.region ? `, ${props.preview.region}` : ""}: as DfE published them for{" "}
            {props.preview.year}.
          </p>
          <ul className={styles.list}>
            <li>Vacancy rate: {percent(props.preview.vacancyRate)}</li>
            <li>Agency rate: {percent(props.preview.agencyRate)}</li>
            <li>Turnover rate: {percent(props.preview.turnoverRate)}</li>
          </ul>
        </section>
      )}
      {props.source && (
        <p className={styles.muted}>
          {props.source.fromFile
            ? `Figures from the DfE indicators file loaded into this workbook (${props.source.years}).`
            : `Figures bundled with Workforce Scrutiny (${props.source.years}).`}
        </p>
      )}
      <Field
        label="Load a newer DfE indicators file"
        hint="The CSV from DfE's Children's social work workforce release (its local authority indicators). It is read here and saved in this workbook: nothing is uploaded."
      >
        {(control) => (
          <input
            {...control}
            className={styles.control}
            type="file"
            accept=".csv,text/csv"
            disabled={props.readingFile}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) props.onFile(file);
              // The same file can be chosen again after a fix.
              e.target.value = "";
            }}
          />
        )}
      </Field>
      {props.readingFile && <Spinner size="small" label="Reading the file…" />}
      {props.source?.fromFile && (
        <div className={styles.actions}>
          <Button onClick={props.onUseBundled}>Use the bundled figures instead</Button>
        </div>
      )}
      <Notices notices={props.notices} onDismiss={props.onDismiss} />
    </div>
  );
}
