/** Layout rules the sections share: one column that fits a 320 px pane, text that wraps. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useSectionStyles = makeStyles({
  stack: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground3 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  /** A list of links (problems, sheets): no bullets, each link a block of wrapping text. */
  links: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  link: { display: "block", textAlign: "start", maxWidth: "100%" },
  /**
   * On every select and input: a field is a grid, and a grid item is at least as wide as its
   * content, which for a select is its longest option (a long heading would widen the pane).
   */
  control: { minWidth: 0, maxWidth: "100%" },
  /** Read by screen readers, not shown (a live region whose text is shown elsewhere too). */
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});
