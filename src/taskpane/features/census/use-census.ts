/**
 * The Census section's state: importing a CSWW return as a staff table (a sheet the user owns),
 * and exporting the return for a collection year from the chosen staff table, with the
 * pre-submission problems listed before the file is downloaded.
 */
import * as React from "react";
import { censusDate } from "../../../core/dates";
import type { PostsTable, StaffTable } from "../../../core/ingest";
import { Population } from "../../../core/measures/population";
import { vacancyFte } from "../../../core/measures/workforce";
import type { Problem } from "../../../core/problems";
import { workforceData, type GivenFigures } from "../../../core/report";
import type { WorkbookPort } from "../../../host/workbook-port";
import type { Notice } from "../../components/Notices";
import { copyText, readFileBytes, XML_TYPE } from "../../components/files";
import { censusReturnSheetPlan } from "../../../core/summary/file-sheets";
import { plainError, sentence } from "../../components/plain-error";
import type { CensusSectionProps, CensusField } from "./CensusSection";
import { loadCensusCore } from "./load-census";

export interface ImportedCensus {
  /** The file's name. */
  file: string;
  /** The sheet the staff table was written to. */
  sheet: string;
  workers: number;
  year: number | null;
  lea: string | null;
  vacancyFte: number | null;
  agencyFte: number | null;
  agencyHeadcount: number | null;
  problems: Problem[];
}

export interface ExportedCensus {
  xml: string;
  year: number;
  lea: string;
  workers: number;
  problems: Problem[];
}

export interface CensusDeps {
  host: WorkbookPort;
  staff: StaffTable | null;
  posts: PostsTable | null;
  /** Changes whenever the data a return is written from changes (cells, tables, mapping). */
  dataKey: string;
  /** Why the staff table cannot be exported yet (null when it can). */
  staffBlocker: string | null;
  /** The census year of the as-of date (the export's default collection year). */
  defaultYear: number | null;
  /** The chosen benchmark LA's number, when there is one. */
  benchmarkLea: string | null;
  /** Whether the staff table chosen is the one imported (its LA-level vacancies then apply). */
  staffIsImported: (sheet: string) => boolean;
  /** The table on a sheet, once the tables are listed again (to offer it as the staff table). */
  tableOnSheet: (sheet: string) => { key: string; name: string; chosen: boolean } | null;
  onUseTable: (key: string) => void;
  reload: () => Promise<void>;
  notify: (intent: Notice["intent"], title: string, text: string) => void;
  clear: () => void;
  notices: readonly Notice[];
  onDismiss: (id: string) => void;
}

const LEA = /^\d{3}$/;

export function useCensus(deps: CensusDeps) {
  const { host, staff, posts, notify, clear, reload } = deps;
  const [importing, setImporting] = React.useState(false);
  const [imported, setImported] = React.useState<ImportedCensus | null>(null);
  const [yearText, setYearText] = React.useState<string | null>(null);
  const [leaText, setLeaText] = React.useState<string | null>(null);
  const [exporting, setExporting] = React.useState(false);
  const [exported, setExported] = React.useState<ExportedCensus | null>(null);
  const [vacanciesText, setVacanciesText] = React.useState("");

  // A return prepared from other data is not offered for download. (Keyed on the data, not
  // the objects: reading the same cells again, as on the pane's focus, keeps the return.)
  React.useEffect(() => setExported(null), [deps.dataKey]);

  const defaultLea = deps.benchmarkLea ?? imported?.lea ?? null;
  const year = yearText ?? (deps.defaultYear !== null ? String(deps.defaultYear) : "");
  const lea = leaText ?? (defaultLea !== null && LEA.test(defaultLea) ? defaultLea : "");
  const yearNumber = /^\d{4}$/.test(year.trim()) ? Number(year.trim()) : null;
  const errors: Partial<Record<CensusField, string>> = {};
  if (yearNumber === null || yearNumber < 2000 || yearNumber > 2100)
    errors.year = "Enter the collection year, such as 2024 (the return is as at 30 September).";
  if (!LEA.test(lea.trim()))
    errors.lea = "Enter your three-digit LA number, such as 352 (DfE's old LA code).";

  // The LA-level figures of an imported return, when its table is the staff table and the year
  // is the return's: vacancies (0 is not a figure) and agency, which count every agency worker.
  const given: GivenFigures | null =
    imported && staff && deps.staffIsImported(imported.sheet) && imported.year === yearNumber
      ? {
          vacancyFte: imported.vacancyFte === 0 ? null : imported.vacancyFte,
          agencyFte: imported.agencyFte,
          agencyHeadcount: imported.agencyHeadcount,
        }
      : null;
  // The census requires a vacancy figure: from posts, Vacant rows or the return, else typed in.
  const dataVacancies = React.useMemo(
    () =>
      staff && yearNumber !== null
        ? vacancyFte(
            new Population(workforceData(staff, posts, given), { asOf: censusDate(yearNumber) })
          )
        : null,
    [staff, posts, yearNumber, given?.vacancyFte]
  );
  const needsVacancies = staff !== null && typeof dataVacancies !== "number";
  const typedVacancies = Number(vacanciesText.trim());
  if (
    needsVacancies &&
    (vacanciesText.trim() === "" || !Number.isFinite(typedVacancies) || typedVacancies < 0)
  )
    errors.vacancies =
      "Enter the vacancy FTE at 30 September, such as 12.5 (or choose a posts table in Data).";

  const importFile = async (file: File) => {
    clear();
    setImporting(true);
    try {
      const bytes = await readFileBytes(file);
      const census = await loadCensusCore();
      let result;
      try {
        result = census.readCensus(bytes);
      } catch (error) {
        notify("error", `${file.name} cannot be imported.`, sentence(plainError(error)));
        return;
      }
      const written = await host.writePlan(census.censusStaffPlan(result));
      setImported({
        file: file.name,
        sheet: written.sheetNames["census-staff"] ?? Object.values(written.sheetNames)[0] ?? "",
        workers: result.workers,
        year: result.year,
        lea: result.lea,
        vacancyFte: result.vacancyFte,
        agencyFte: result.agencyFte,
        agencyHeadcount: result.agencyHeadcount,
        problems: result.problems,
      });
      await reload();
    } catch (error) {
      notify("error", `Could not import ${file.name}.`, plainError(error));
    } finally {
      setImporting(false);
    }
  };

  const prepare = async () => {
    if (!staff || deps.staffBlocker || Object.keys(errors).length > 0 || yearNumber === null)
      return;
    clear();
    setExporting(true);
    setExported(null);
    try {
      const census = await loadCensusCore();
      const result = census.writeCensus(staff, {
        year: yearNumber,
        lea: lea.trim(),
        vacancyFte: typeof dataVacancies === "number" ? dataVacancies : typedVacancies,
        agencyFte: given?.agencyFte ?? undefined,
        agencyHeadcount: given?.agencyHeadcount ?? undefined,
      });
      setExported({
        xml: result.xml,
        year: yearNumber,
        lea: lea.trim(),
        workers: result.workers,
        problems: result.problems,
      });
    } catch (error) {
      notify("error", "Could not prepare the census return.", plainError(error));
    } finally {
      setExporting(false);
    }
  };

  const download = async () => {
    if (!exported) return;
    clear();
    try {
      const how = await host.deliverFile({
        name: "return.xml",
        type: XML_TYPE,
        data: exported.xml,
      });
      if (how !== "unavailable") return;
      // Excel cannot save a file here (a Mac, office-js #2700): the XML goes on a sheet, and on
      // the clipboard where the pane may write to it.
      const written = await host.writePlan(censusReturnSheetPlan(exported.xml, "return.xml"));
      const sheet = written.sheetNames["census-return"] ?? "Census return XML";
      const copied = await copyText(exported.xml);
      notify(
        "info",
        `return.xml is on the sheet "${sheet}".`,
        `Excel cannot save a file from this pane here.${copied ? " The XML is also on the clipboard: paste it into a plain text editor and save it as return.xml (UTF-8)." : ""} On the sheet: copy column A from row 3 down into a plain text editor and save it as return.xml (UTF-8).`
      );
    } catch (error) {
      notify("error", "Could not save return.xml.", plainError(error));
    }
  };

  const importedTable = imported ? deps.tableOnSheet(imported.sheet) : null;

  const section: CensusSectionProps = {
    importing,
    imported,
    importedTable,
    year,
    lea,
    vacancies: vacanciesText,
    needsVacancies,
    errors,
    staffBlocker: deps.staffBlocker,
    exporting,
    exported,
    notices: deps.notices,
    onDismiss: deps.onDismiss,
    onImport: (file: File) => void importFile(file),
    onUseTable: deps.onUseTable,
    onChange: (field: CensusField, value: string) => {
      if (field === "year") setYearText(value);
      else if (field === "lea") setLeaText(value);
      else setVacanciesText(value);
      setExported(null);
    },
    onPrepare: () => void prepare(),
    onDownload: () => void download(),
  };
  return { section, busy: importing || exporting };
}
