/**
 * A term a new user may not know (c, ASYE, SW1/SW2, as-of date, LA number), with a short
 * explanation shown on hover and on keyboard focus (a Fluent tooltip that describes the term).
 */
import { makeStyles, tokens, Tooltip } from "@fluentui/react-components";
import * as React from "react";

/** The explanations, in one place. */
export const TERMS = {
  c: "c means a count too small to show: below the suppression threshold, so no person can be picked out. DfE marks such counts the same way.",
  ASYE: "ASYE: the Assessed and Supported Year in Employment, a newly qualified social worker's first year in practice.",
  ladder:
    "The role ladder: ASYE (newly qualified), SW1 (social worker), SW2 (senior social worker), AP (advanced practitioner), TM (team manager), SM (senior manager).",
  asOf: "The as-of date is the day the figures are counted on: who is in post that day, and the leavers and starters in the year up to it. DfE's census uses 30 September.",
  la: "Your LA number is the three-digit number DfE gives each local authority (it was the local education authority, LEA, number), such as 352 for Manchester.",
} as const;

const useStyles = makeStyles({
  term: {
    textDecorationLine: "underline",
    textDecorationStyle: "dotted",
    textUnderlineOffset: "3px",
    cursor: "help",
    borderRadius: tokens.borderRadiusSmall,
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
});

export function Term(props: { children: React.ReactNode; explanation: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <Tooltip content={props.explanation} relationship="description" withArrow>
      {/* In the Tab order, so the explanation shows on keyboard focus too. */}
      <span tabIndex={0} className={styles.term}>
        {props.children}
      </span>
    </Tooltip>
  );
}
