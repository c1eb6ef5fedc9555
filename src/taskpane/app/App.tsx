/**
 * The task pane: Data, Check, Options, Benchmarks, Build, the staff data template and Census, in
 * that order, as the sections of one accordion. The host (the workbook) and the plan builders
 * arrive as props. Benchmarks and Census start closed: DfE's figures load when Benchmarks is
 * first opened.
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
import { BuildSection } from "../features/build/BuildSection";
import { CensusSection } from "../features/census/CensusSection";
import { CheckSection } from "../features/check/CheckSection";
import { DataSection } from "../features/data/DataSection";
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
  const { errors, warnings } = pane.problemCounts;
  const checkSummary =
    errors + warnings === 0
      ? ""
      : ` (${count(errors, "error", "errors")}, ${count(warnings, "warning", "warnings")})`;
  return (
    <main className={styles.pane} aria-labelledby="pane-title">
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
    </main>
  );
}

export function App(props: AppProps): React.JSX.Element {
  return (
    <StyleRoot>
      <Pane {...props} />
    </StyleRoot>
  );
}
