/** Rows found, used and left out: the line every output shows (`columns.md`). */
import * as React from "react";
import { useSectionStyles } from "./styles";

const n = (value: number) => value.toLocaleString("en-GB");

export function RowCounts(props: {
  /** What the rows are, e.g. "Staff rows in Staff". */
  label: string;
  found: number;
  used: number;
  leftOut: number;
}): React.JSX.Element {
  const styles = useSectionStyles();
  return (
    <p className={styles.text}>
      {props.label}: {n(props.found)} found, {n(props.used)} used, {n(props.leftOut)} left out.
    </p>
  );
}
