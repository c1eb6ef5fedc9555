/** `workforce template -o OUT.xlsx`: the staff-data template (staff, posts and comparators tables). */
import { extname } from "node:path";
import { buildTemplatePlan } from "../../core/summary/template";
import { writeXlsxFile } from "../../host/xlsx/node-file";
import { XlsxWorkbook } from "../../host/xlsx/xlsx-workbook";
import { needOutput, UsageError, type Args, type Out } from "../args";

export async function template(args: Args, out: Out): Promise<number> {
  const output = needOutput(args);
  if (extname(output).toLowerCase() !== ".xlsx") throw new UsageError("-o must name an .xlsx file");
  const book = XlsxWorkbook.empty();
  const result = await book.writePlan(buildTemplatePlan());
  await writeXlsxFile(book, output);
  out(
    `Wrote ${output}: ${Object.values(result.sheetNames)
      .map((n) => `"${n}"`)
      .join(", ")}.`
  );
  return 0;
}
