/**
 * Check: every problem in the staff and posts tables, errors (rows left out) first, each a link
 * that selects its cell; and the roles not on the ladder, each with a choice of ladder code. A
 * required column that was not found is a mapping problem, listed once under "Columns not found"
 * (every row waits on it), not among the rows' errors.
 */
import { Field, Link, Select } from "@fluentui/react-components";
import * as React from "react";
import type { ColumnMatch } from "../../../core/headers";
import { describeProblem, Problem } from "../../../core/problems";
import { ROLE_LADDER, RoleCode } from "../../../core/vocabulary";
import type { SourceTable } from "../../../host/workbook-port";
import { Notice, Notices } from "../../components/Notices";
import { useSectionStyles } from "../../components/styles";
import { problemAddress } from "./problem-cell";
import { Term, TERMS } from "../../components/Term";

/** Links shown per group; the rest are counted (thousands of buttons would slow the pane). */
export const SHOWN_PER_GROUP = 200;

export interface ProblemSource {
  /** "Staff" or "Posts". */
  label: string;
  table: SourceTable;
  problems: readonly Problem[];
  columns: readonly ColumnMatch<string>[];
  header: readonly unknown[];
  rowsLeftOut: number;
}

export interface CheckSectionProps {
  sources: readonly ProblemSource[];
  /** Role texts to offer a ladder code for: unmapped ones and those already mapped by hand. */
  roles: readonly string[];
  roleMap: Readonly<Record<string, RoleCode>>;
  notices: readonly Notice[];
  onDismiss: (id: string) => void;
  onMapRole: (role: string, code: RoleCode | null) => void;
  onSelectCell: (sheet: string, address: string) => void;
}

interface Item {
  key: string;
  text: string;
  sheet: string;
  address: string;
}

/** A required column the header row does not have (matchHeaders' problem): a mapping problem. */
const isMissingColumn = (p: Problem) => p.found === "no such column";

function items(sources: readonly ProblemSource[], severity: Problem["severity"]): Item[] {
  const out: Item[] = [];
  const several = sources.length > 1;
  for (const s of sources) {
    s.problems.forEach((p, i) => {
      if (p.severity !== severity || isMissingColumn(p)) return;
      const address = problemAddress(p, s.table, s.columns, s.header);
      out.push({
        key: `${s.label}-${i}`,
        text: several ? `${s.label}: ${describeProblem(p)}` : describeProblem(p),
        sheet: s.table.sheet,
        address,
      });
    });
  }
  return out;
}

function ProblemGroup(props: {
  title: string;
  items: Item[];
  onSelectCell: (sheet: string, address: string) => void;
}): React.JSX.Element | null {
  const styles = useSectionStyles();
  const headingId = React.useId();
  if (props.items.length === 0) return null;
  const shown = props.items.slice(0, SHOWN_PER_GROUP);
  return (
    <section aria-labelledby={headingId} className={styles.group}>
      <h3 id={headingId} className={styles.heading}>
        {props.title} ({props.items.length.toLocaleString("en-GB")})
      </h3>
      <ul className={styles.links}>
        {shown.map((item) => (
          <li key={item.key}>
            <Link
              as="button"
              className={styles.link}
              title={`Select cell ${item.address} on ${item.sheet}`}
              onClick={() => props.onSelectCell(item.sheet, item.address)}
            >
              {item.text}
            </Link>
          </li>
        ))}
      </ul>
      {props.items.length > shown.length && (
        <p className={styles.muted}>
          Showing the first {shown.length} of {props.items.length.toLocaleString("en-GB")}. Fix
          these and read the data again to see the rest.
        </p>
      )}
    </section>
  );
}

export function CheckSection(props: CheckSectionProps): React.JSX.Element {
  const styles = useSectionStyles();
  const errors = React.useMemo(() => items(props.sources, "error"), [props.sources]);
  const warnings = React.useMemo(() => items(props.sources, "warning"), [props.sources]);
  const leftOut = props.sources.reduce((n, s) => n + s.rowsLeftOut, 0);
  const rolesHeadingId = React.useId();
  const mappingHeadingId = React.useId();
  const missing = props.sources.flatMap((s) =>
    s.problems.filter(isMissingColumn).map((p) => ({ source: s.label, problem: p }))
  );
  return (
    <div className={styles.stack}>
      <Notices notices={props.notices} onDismiss={props.onDismiss} />
      {props.sources.length === 0 ? (
        <p className={styles.text}>Choose the staff table to check it.</p>
      ) : errors.length + warnings.length === 0 ? (
        <p className={styles.text}>No problems found.</p>
      ) : (
        <p className={styles.text}>
          {leftOut === 0
            ? "No rows are left out."
            : `${leftOut.toLocaleString("en-GB")} ${leftOut === 1 ? "row is" : "rows are"} left out of the measures.`}{" "}
          Select a problem to go to its cell.
        </p>
      )}
      {missing.length > 0 && (
        <section aria-labelledby={mappingHeadingId} className={styles.group}>
          <h3 id={mappingHeadingId} className={styles.heading}>
            Columns not found ({missing.length.toLocaleString("en-GB")})
          </h3>
          <p className={styles.text}>
            Every row is left out until each of these is mapped: choose the column that holds it in
            Data.
          </p>
          <ul className={styles.list}>
            {missing.map(({ source, problem }) => (
              <li key={`${source}-${problem.column}`}>
                {source}: {problem.column}, {problem.expected}.
              </li>
            ))}
          </ul>
        </section>
      )}
      <ProblemGroup
        title="Errors: rows left out"
        items={errors}
        onSelectCell={props.onSelectCell}
      />
      <ProblemGroup
        title="Warnings: values blanked or noted"
        items={warnings}
        onSelectCell={props.onSelectCell}
      />
      {props.roles.length > 0 && (
        <section aria-labelledby={rolesHeadingId} className={styles.group}>
          <h3 id={rolesHeadingId} className={styles.heading}>
            Roles not on the ladder
          </h3>
          <p className={styles.muted}>
            These roles are kept under their own text. Map one to a{" "}
            <Term explanation={TERMS.ladder}>ladder role</Term> to count it in the role tables.
          </p>
          {props.roles.map((role) => (
            <Field key={role} label={`Role "${role}"`}>
              <Select
                className={styles.control}
                value={props.roleMap[role] ?? ""}
                onChange={(_, d) =>
                  props.onMapRole(role, d.value === "" ? null : (d.value as RoleCode))
                }
              >
                <option value="">(keep as its own role)</option>
                {ROLE_LADDER.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.code}: {r.label}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </section>
      )}
    </div>
  );
}
