/**
 * Data: the tables found in the workbook, which one is the staff data and which the posts, how
 * each canonical column is mapped, and how many rows were found, used and left out.
 */
import { Button, Field, Input, Select, Spinner } from "@fluentui/react-components";
import * as React from "react";
import { POSTS_COLUMNS, PostsColumn, STAFF_COLUMNS, StaffColumn } from "../../../core/columns";
import type { PostsTable, StaffTable } from "../../../core/ingest";
import type { SourceTable } from "../../../host/workbook-port";
import { Notice, Notices } from "../../components/Notices";
import { RowCounts } from "../../components/RowCounts";
import { useSectionStyles } from "../../components/styles";
import { HeaderChoice } from "./mapping";
import { MappingFields } from "./MappingFields";
import { tableKey, tableLabel } from "./tables";

/** The value of "None" in the posts choice, and of "no table chosen" in the staff choice. */
export const NO_TABLE = "";

export interface SourceView<R> {
  table: SourceTable;
  /** Null while the table is being read. */
  result: R | null;
  choices: readonly HeaderChoice[];
  /** The header row the user chose (a sheet row number); null when it is found automatically. */
  headerRowChosen: number | null;
}

export interface DataSectionProps {
  tables: readonly SourceTable[];
  staffKey: string | null;
  postsKey: string | null;
  staff: SourceView<StaffTable> | null;
  posts: SourceView<PostsTable> | null;
  /** Choices are locked while the workbook is first read and while a build runs. */
  busy: boolean;
  /** The tables are being read again. */
  reading: boolean;
  notices: readonly Notice[];
  onDismiss: (id: string) => void;
  onStaffTable: (key: string | null) => void;
  onPostsTable: (key: string | null) => void;
  onMapStaff: (key: StaffColumn, value: string) => void;
  onMapPosts: (key: PostsColumn, value: string) => void;
  onStaffHeaderRow: (row: number | null) => void;
  onPostsHeaderRow: (row: number | null) => void;
  onReload: () => void;
}

/**
 * Which row holds the headings: found automatically (the first of the top rows with enough
 * recognised headings), or typed by the user. Empty: find it again.
 */
function HeaderRowField(props: {
  view: SourceView<{ headerRow: number }>;
  disabled: boolean;
  onChange: (row: number | null) => void;
}): React.JSX.Element {
  const styles = useSectionStyles();
  const { table, result, headerRowChosen } = props.view;
  const [text, setText] = React.useState(headerRowChosen === null ? "" : String(headerRowChosen));
  const first = table.firstRow;
  const last = table.firstRow + table.rows - 1;
  const typed = text.trim();
  const row = Number(typed);
  const valid = typed === "" || (Number.isInteger(row) && row >= first && row <= last);
  return (
    <Field
      label={`Header row of ${table.name}`}
      hint={
        headerRowChosen === null
          ? `Row ${result?.headerRow ?? first} was found to hold the headings. Type another row number if they are elsewhere.`
          : "The row you chose. Clear it to find the headings automatically."
      }
      validationState={valid ? "none" : "error"}
      validationMessage={valid ? undefined : `Type a row number from ${first} to ${last}.`}
    >
      <Input
        className={styles.control}
        inputMode="numeric"
        value={text}
        placeholder={String(result?.headerRow ?? first)}
        disabled={props.disabled}
        onChange={(_, d) => {
          setText(d.value);
          const t = d.value.trim();
          const n = Number(t);
          if (t === "") props.onChange(null);
          else if (Number.isInteger(n) && n >= first && n <= last) props.onChange(n);
        }}
      />
    </Field>
  );
}

const missingRequired = (
  specs: readonly { key: string; required?: boolean }[],
  found: readonly { key: string }[]
) => specs.filter((s) => s.required && !found.some((c) => c.key === s.key)).length;

/**
 * One line saying what was recognised in the staff (and posts) table, shown under the Data
 * heading while the section is closed; `complete` when every required column was recognised.
 */
export function dataSummary(
  props: Pick<DataSectionProps, "staff" | "posts">
): { complete: boolean; text: string } | null {
  const { staff, posts } = props;
  if (!staff?.result) return null;
  const n = (v: number) => v.toLocaleString("en-GB");
  const staffMissing = missingRequired(STAFF_COLUMNS, staff.result.columns);
  const postsMissing = posts?.result ? missingRequired(POSTS_COLUMNS, posts.result.columns) : 0;
  const parts = [
    `Staff: ${staff.table.name}, ${n(staff.result.rowsRead)} rows, ${n(staff.result.columns.length)} of ${STAFF_COLUMNS.length} columns recognised${staffMissing === 0 ? ", all the required ones" : `, ${n(staffMissing)} required missing`}.`,
  ];
  if (posts?.result)
    parts.push(
      `Posts: ${posts.table.name}, ${n(posts.result.rowsRead)} rows${postsMissing === 0 ? "" : `, ${n(postsMissing)} required columns missing`}.`
    );
  else parts.push("No posts table.");
  return {
    complete:
      staff.result.headerFound &&
      staffMissing === 0 &&
      postsMissing === 0 &&
      (!posts || !!posts.result),
    text: `${parts.join(" ")} Open Data to change the tables or the columns.`,
  };
}

export function DataSection(props: DataSectionProps): React.JSX.Element {
  const styles = useSectionStyles();
  const { tables, staff, posts } = props;
  const options = tables.map((t) => (
    <option key={tableKey(t)} value={tableKey(t)}>
      {tableLabel(t)}
    </option>
  ));
  return (
    <div className={styles.stack}>
      <Notices notices={props.notices} onDismiss={props.onDismiss} />
      <p className={styles.text}>
        {tables.length === 0
          ? "No tables or filled sheets were found in this workbook. Paste your HR extract into a sheet, or insert the staff data template below."
          : `Found ${tables.length === 1 ? "1 table or sheet" : `${tables.length} tables and sheets`} in this workbook.`}
      </p>
      <Field
        label="Staff table"
        hint="The table of staff rows, one row per worker."
        validationState={props.staffKey ? "none" : "warning"}
        validationMessage={
          props.staffKey || tables.length === 0
            ? undefined
            : "No table looks like staff data: choose it here."
        }
      >
        <Select
          className={styles.control}
          value={props.staffKey ?? NO_TABLE}
          disabled={props.busy}
          onChange={(_, d) => props.onStaffTable(d.value === NO_TABLE ? null : d.value)}
        >
          {!props.staffKey && <option value={NO_TABLE}>(choose a table)</option>}
          {options}
        </Select>
      </Field>
      <Field label="Posts table" hint="The funded establishment, for vacancies. Optional.">
        <Select
          className={styles.control}
          value={props.postsKey ?? NO_TABLE}
          disabled={props.busy}
          onChange={(_, d) => props.onPostsTable(d.value === NO_TABLE ? null : d.value)}
        >
          <option value={NO_TABLE}>None</option>
          {options}
        </Select>
      </Field>
      <div className={styles.actions}>
        <Button disabledFocusable={props.busy || props.reading} onClick={props.onReload}>
          Read the data again
        </Button>
        {props.reading && <Spinner size="tiny" label="Reading…" />}
      </div>

      {staff && !staff.result && <Spinner size="tiny" label={`Reading ${staff.table.name}…`} />}
      {staff?.result && (
        <>
          {!staff.result.headerFound && (
            <p className={styles.text}>
              No header row was recognised in {staff.table.name}: choose the columns below by hand.
            </p>
          )}
          <HeaderRowField view={staff} disabled={props.busy} onChange={props.onStaffHeaderRow} />
          <RowCounts
            label={`Staff rows in ${staff.table.name}`}
            found={staff.result.rowsRead}
            used={staff.result.records.length}
            leftOut={staff.result.rowsLeftOut}
          />
          <MappingFields
            title="Staff columns"
            specs={STAFF_COLUMNS}
            columns={staff.result.columns}
            choices={staff.choices}
            onChange={props.onMapStaff}
            disabled={props.busy}
          />
        </>
      )}

      {posts && !posts.result && <Spinner size="tiny" label={`Reading ${posts.table.name}…`} />}
      {posts?.result && (
        <>
          <HeaderRowField view={posts} disabled={props.busy} onChange={props.onPostsHeaderRow} />
          <RowCounts
            label={`Posts rows in ${posts.table.name}`}
            found={posts.result.rowsRead}
            used={posts.result.records.length}
            leftOut={posts.result.rowsLeftOut}
          />
          <MappingFields
            title="Posts columns"
            specs={POSTS_COLUMNS}
            columns={posts.result.columns}
            choices={posts.choices}
            onChange={props.onMapPosts}
            disabled={props.busy}
          />
        </>
      )}
    </div>
  );
}
