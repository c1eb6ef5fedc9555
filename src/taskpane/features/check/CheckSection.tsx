/**
 * Check: every problem in the staff and posts tables, errors (rows left out) first, grouped by
 * kind (an expandable list per kind, with its count, first rows and how to fix it), each problem
 * a link that selects its cell; and the roles not on the ladder, each with a ladder code to pick.
 * A required column that was not found is a mapping problem, listed once under "Columns not
 * found" (every row waits on it), not among the rows' errors.
 */
import { Field, Link, Select } from "@fluentui/react-components";
import * as React from "react";
import type { ColumnMatch } from "../../../core/headers";
import { groupProblems, type ProblemGroup } from "../../../core/problem-groups";
import { describeProblem, Problem } from "../../../core/problems";
import { ROLE_LADDER, RoleCode } from "../../../core/vocabulary";
import type { SourceTable } from "../../../host/workbook-port";
import { Notice, Notices } from "../../components/Notices";
import { ProblemGroups } from "../../components/ProblemGroups";
import { useSectionStyles } from "../../components/styles";
import { problemAddress } from "./problem-cell";
import { Term, TERMS } from "../../components/Term";

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

/** A source's problems of one severity, grouped by kind. */
interface SourceGroups {
  source: ProblemSource;
  groups: ProblemGroup[];
  count: number;
}

/** A required column the header row does not have (matchHeaders' problem): a mapping problem. */
const isMissingColumn = (p: Problem) => p.found === "no such column";

function grouped(sources: readonly ProblemSource[], severity: Problem["severity"]): SourceGroups[] {
  return sources
    .map((source) => {
      const mine = source.problems.filter((p) => p.severity === severity && !isMissingColumn(p));
      return { source, groups: groupProblems(mine), count: mine.length };
    })
    .filter((s) => s.count > 0);
}

function ProblemSection(props: {
  title: string;
  sources: SourceGroups[];
  several: boolean;
  onSelectCell: (sheet: string, address: string) => void;
}): React.JSX.Element | null {
  const styles = useSectionStyles();
  const headingId = React.useId();
  const total = props.sources.reduce((n, s) => n + s.count, 0);
  if (total === 0) return null;
  return (
    <section aria-labelledby={headingId} className={styles.group}>
      <h3 id={headingId} className={styles.heading}>
        {props.title} ({total.toLocaleString("en-GB")})
      </h3>
      {props.sources.map(({ source, groups }) => {
        const prefix = props.several ? `${source.label}: ` : "";
        return (
          <ProblemGroups
            key={source.label}
            groups={groups}
            prefix={prefix}
            renderProblem={(p) => {
              const address = problemAddress(p, source.table, source.columns, source.header);
              return (
                <Link
                  as="button"
                  className={styles.link}
                  title={`Select cell ${address} on ${source.table.sheet}`}
                  onClick={() => props.onSelectCell(source.table.sheet, address)}
                >
                  {prefix}
                  {describeProblem(p)}
                </Link>
              );
            }}
          />
        );
      })}
    </section>
  );
}

export function CheckSection(props: CheckSectionProps): React.JSX.Element {
  const styles = useSectionStyles();
  const errors = React.useMemo(() => grouped(props.sources, "error"), [props.sources]);
  const warnings = React.useMemo(() => grouped(props.sources, "warning"), [props.sources]);
  const several = props.sources.length > 1;
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
          Problems of one kind are grouped: open a group to see its rows. Select a problem to go to
          its cell.
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
      <ProblemSection
        title="Errors: rows left out"
        sources={errors}
        several={several}
        onSelectCell={props.onSelectCell}
      />
      <ProblemSection
        title="Warnings: values blanked or noted"
        sources={warnings}
        several={several}
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
