/**
 * The task pane: Data, Check, Options, Benchmarks, Build, the staff data template and Census, in
 * that order, as the sections of one accordion. The host (the workbook) and the plan builders
 * arrive as props. Benchmarks and Census start closed: DfE's figures load when Benchmarks is
 * first opened. Data closes itself once the workbook is read if every required column was
 * recognised (a line under its heading says what was found), and a skip link goes straight to
 * Build, so the keyboard reaches Build in a few presses.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { Notices } from "../components/Notices";
import { BenchmarksSection } from "../features/benchmarks/BenchmarksSection";
import { BUILD_BUTTON_ID, BuildSection } from "../features/build/BuildSection";
import { CensusSection } from "../features/census/CensusSection";
import { CheckSection } from "../features/check/CheckSection";
import { DataSection, dataSummary } from "../features/data/DataSection";
import { OptionsSection } from "../features/options/OptionsSection";
import { PortableBanner, PortableSection } from "../features/portable/PortableSection";
import { TemplateSection } from "../features/template/TemplateSection";
import { StyleRoot } from "./StyleRoot";
import type { AppProps } from "./types";
import { usePane } from "./use-pane";

/** The sections open when the pane starts. */
const OPEN_AT_START = ["data", "check", "options", "build", "template"];

const useStyles = makeStyles({
  pane: {
    boxSizing: "border-box",
    maxWidth: "100%",
    minWidth: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    overflowWrap: "anywhere",
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { margin: 0 },
  heading: { margin: 0 },
  /** Out of sight until it has the focus, then in place at the top of the pane. */
  skip: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
    ":focus": {
      position: "static",
      width: "auto",
      height: "auto",
      overflow: "visible",
      clipPath: "none",
      whiteSpace: "normal",
      alignSelf: "flex-start",
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      color: tokens.colorBrandForegroundLink,
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
    },
  },
  summary: {
    margin: 0,
    paddingInline: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
  panel: { paddingBottom: tokens.spacingVerticalL },
  footer: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

function Pane(props: AppProps): React.JSX.Element {
  const styles = useStyles();
  const pane = usePane(props);
  const [open, setOpen] = React.useState<string[]>(OPEN_AT_START);
  const onOpenBenchmarks = pane.benchmarks.onOpen;

  // Once the workbook is read: close Data when every required column was recognised.
  const recognised = dataSummary(pane.data);
  const decided = React.useRef(false);
  React.useEffect(() => {
    if (decided.current || pane.loading || !pane.data.staff?.result) return;
    decided.current = true;
    if (recognised?.complete) setOpen((items) => items.filter((i) => i !== "data"));
  }, [pane.loading, pane.data.staff, recognised]);

  // The skip link: open Build, then put the focus on its button.
  const [toBuild, setToBuild] = React.useState(0);
  React.useEffect(() => {
    if (toBuild > 0) document.getElementById(BUILD_BUTTON_ID)?.focus();
  }, [toBuild]);
  const skipToBuild = (e: React.MouseEvent) => {
    e.preventDefault();
    setOpen((items) => (items.includes("build") ? items : [...items, "build"]));
    setToBuild((n) => n + 1);
  };
  const Root = props.embedded ? "div" : "main";
  const { errors, warnings } = pane.problemCounts;
  const checkSummary =
    errors + warnings === 0
      ? ""
      : ` (${count(errors, "error", "errors")}, ${count(warnings, "warning", "warnings")})`;
  return (
    <Root className={styles.pane} aria-labelledby={props.embedded ? undefined : "pane-title"}>
      <a href={`#${BUILD_BUTTON_ID}`} className={styles.skip} onClick={skipToBuild}>
        Skip to Build
      </a>
      <h1 id="pane-title" className={styles.title}>
        Workforce Scrutiny
      </h1>
      <p className={styles.text}>
        Build the children&apos;s social work workforce summary from your staff table. Nothing
        leaves this workbook.
      </p>
      <Notices notices={pane.notices} onDismiss={pane.dismiss} />
      <PortableBanner {...pane.portable} />
      {pane.loading && <Spinner size="small" label="Reading the workbook…" />}
      <Accordion
        multiple
        collapsible
        openItems={open}
        onToggle={(_, data) => {
          const items = data.openItems.map(String);
          setOpen(items);
          if (items.includes("benchmarks")) onOpenBenchmarks();
        }}
      >
        <AccordionItem value="data">
          <AccordionHeader as="h2" size="large">
            Data
          </AccordionHeader>
          {!open.includes("data") && recognised && (
            <p className={styles.summary}>{recognised.text}</p>
          )}
          <AccordionPanel className={styles.panel}>
            <DataSection {...pane.data} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="check">
          <AccordionHeader as="h2" size="large">
            Check{checkSummary}
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <CheckSection {...pane.check} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="options">
          <AccordionHeader as="h2" size="large">
            Options
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <OptionsSection {...pane.options} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="benchmarks">
          <AccordionHeader as="h2" size="large">
            Benchmarks
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <BenchmarksSection {...pane.benchmarks} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="build">
          <AccordionHeader as="h2" size="large">
            Build
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <BuildSection {...pane.build} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="template">
          <AccordionHeader as="h2" size="large">
            Staff data template
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <TemplateSection {...pane.template} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="portable">
          <AccordionHeader as="h2" size="large">
            Share the workbook
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <PortableSection {...pane.portable} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="census">
          <AccordionHeader as="h2" size="large">
            Census
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <CensusSection {...pane.census} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <p className={styles.footer}>Workforce Scrutiny {props.version}</p>
    </Root>
  );
}

export function App(props: AppProps): React.JSX.Element {
  return (
    <StyleRoot>
      <Pane {...props} />
    </StyleRoot>
  );
}
