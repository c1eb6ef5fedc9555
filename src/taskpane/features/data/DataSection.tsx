/**
 * Data: the tables found in the workbook, which one is the staff data and which the posts, how
 * each canonical column is mapped, and how many rows were found, used and left out.
 */
import { Button, Field, Select, Spinner } from "@fluentui/react-components";
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
  onReload: () => void;
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
