/**
 * LibreOffice Calc, headless, as a second spreadsheet application for the .xlsx adapter's tests
 * and for rendering the summary to a picture: a throwaway profile per run that makes Calc
 * recalculate every formula on load (its default keeps the cached values), conversion to CSV
 * (every sheet), .xlsx and PDF, and the CSV reading the comparison needs.
 */
import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, delimiter, extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseCsv } from "../../../src/core/csv";
import { serialFromYmd } from "../../../src/core/dates";

/** The first executable called `name` on PATH, or null. */
export function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * A fresh LibreOffice user profile: formulas in .xlsx files are always recalculated on load
 * (`OOXMLRecalcMode` 0), and the locale is en-US so the CSV's dates read as MM/DD/YYYY.
 */
export async function makeProfile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "wfs-lo-profile-"));
  await mkdir(join(dir, "user"), { recursive: true });
  await writeFile(
    join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>
</oor:items>
`
  );
  return dir;
}

/** The CSV filter: comma, double quotes, UTF-8, raw values (not as shown), every sheet to its own file. */
export const CSV_ALL_SHEETS =
  "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/**
 * `soffice --headless --convert-to <format> --outdir <outDir> <files…>` with the given profile
 * (one LibreOffice start for all the files). Resolves with soffice's output; rejects on an exit
 * code or a timeout (the process is killed).
 */
export async function convert(
  files: string | string[],
  format: string,
  outDir: string,
  profile: string,
  timeoutMs = 180_000
): Promise<string> {
  const soffice = onPath("soffice");
  if (!soffice) throw new Error("soffice is not on PATH");
  await mkdir(outDir, { recursive: true });
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    "--headless",
    "--norestore",
    "--nolockcheck",
    "--convert-to",
    format,
    "--outdir",
    outDir,
    ...(Array.isArray(files) ? files : [files]),
  ];
  return new Promise((resolve, reject) => {
    execFile(
      soffice,
      args,
      { timeout: timeoutMs, killSignal: "SIGKILL" },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`soffice ${format} failed: ${error.message}\n${stderr}`));
        else resolve(`${stdout}${stderr}`);
      }
    );
  });
}

/** The CSV file soffice wrote for one sheet of `file` (with the all-sheets filter). */
export function sheetCsvPath(outDir: string, file: string, sheet: string): string {
  return join(outDir, `${basename(file, extname(file))}-${sheet}.csv`);
}

export async function readCsv(path: string): Promise<string[][]> {
  return parseCsv(await readFile(path, "utf8"), ",");
}

/**
 * A value LibreOffice recalculated (read back with `csvValue`) equals core's: numbers to a
 * relative 1e-6 (the CSV's printed precision), anything else exactly.
 */
export function recalculatedEquals(actual: unknown, expected: unknown): boolean {
  if (typeof expected === "number" && typeof actual === "number")
    return Math.abs(actual - expected) <= 1e-6 * Math.max(Math.abs(expected), 1e-9);
  return actual === expected;
}

/**
 * A CSV cell as a value comparable with a plan value: numbers (LibreOffice writes a percentage
 * format's value with a % sign, and a date as MM/DD/YYYY in the en-US profile), TRUE/FALSE, else
 * the text.
 */
export function csvValue(text: string): string | number | boolean {
  const t = text.trim();
  if (/^-?\d+(\.\d+)?(E[-+]?\d+)?%$/i.test(t)) return Number(t.slice(0, -1)) / 100;
  if (/^-?\d+(\.\d+)?(E[-+]?\d+)?$/i.test(t)) return Number(t);
  const date = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t);
  if (date) return serialFromYmd(Number(date[3]), Number(date[1]), Number(date[2]));
  if (t === "TRUE") return true;
  if (t === "FALSE") return false;
  return text;
}
