/**
 * Problems grouped by kind (core's `groupProblems`): a kind with one problem is its one line; a
 * kind with several is an expandable list (a native <details>) whose summary says how many rows,
 * what was expected, the first rows and how to fix it, and which opens on every problem.
 */
import * as React from "react";
import { describeGroup, type ProblemGroup } from "../../core/problem-groups";
import type { Problem } from "../../core/problems";
import { useSectionStyles } from "./styles";

/** Problems listed per kind when opened; the rest are counted (thousands would slow the pane). */
export const LISTED_PER_KIND = 500;

export function ProblemGroups(props: {
  groups: readonly ProblemGroup[];
  /** One problem as a list item's content (plain text, or a link to its cell). */
  renderProblem: (problem: Problem, index: number) => React.ReactNode;
  /** Put before each group's headline (e.g. "Staff: "). */
  prefix?: string;
}): React.JSX.Element | null {
  const styles = useSectionStyles();
  if (props.groups.length === 0) return null;
  return (
    <ul className={styles.links}>
      {props.groups.map((g, gi) => {
        if (g.count === 1) return <li key={gi}>{props.renderProblem(g.problems[0], 0)}</li>;
        const [headline, ...more] = describeGroup(g);
        const listed = g.problems.slice(0, LISTED_PER_KIND);
        return (
          <li key={gi}>
            <details>
              <summary>
                {props.prefix ?? ""}
                {headline}
              </summary>
              <div className={styles.group}>
                {more.map((line, i) => (
                  <p key={i} className={styles.muted}>
                    {line}
                  </p>
                ))}
                <ul className={styles.links} aria-label={`Every problem: ${g.column}`}>
                  {listed.map((p, i) => (
                    <li key={i}>{props.renderProblem(p, i)}</li>
                  ))}
                </ul>
                {g.count > listed.length && (
                  <p className={styles.muted}>
                    And {(g.count - listed.length).toLocaleString("en-GB")} more of this kind.
                  </p>
                )}
              </div>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
