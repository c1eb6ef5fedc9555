/**
 * The `workforce` command line. Exit codes: 0 done; 1 the data has problems (`check`: rows left
 * out; `census`: pre-submission errors); 2 a bad file or bad arguments (one line, no stack trace).
 */
import { parseArgs } from "node:util";
import { FileError } from "../node/read-file";
import { UsageError, type Args, type Out } from "./args";

const USAGE = `usage:
  workforce metrics FILE [--as-of YYYY-MM-DD] [--sheet NAME] [--posts FILE | --posts-sheet NAME] [--json]
  workforce check   FILE [--as-of YYYY-MM-DD] [--sheet NAME] [--posts FILE | --posts-sheet NAME] [--csv]
  workforce summary FILE -o OUT.xlsx [--as-of YYYY-MM-DD] [--posts FILE | --posts-sheet NAME]
                    [--la LA [--benchmarks INDICATORS.csv]] [--shareable]
  workforce template -o OUT.xlsx
  workforce census  FILE --year YYYY [--la NNN] -o RETURN.xml
                    (--posts FILE | --posts-sheet NAME | --vacancies FTE) [--csv]
  workforce portable BOOK.xlsx -o COPY.xlsx [--json]     a copy that works without the add-in
  workforce portable COPY.xlsx --restore -o BOOK.xlsx [--json]

FILE is an .xlsx workbook, a .csv file (UTF-8 or Windows-1252) or a CSWW census return (.xml).
census needs a vacancy figure (DfE requires NumberOfVacancies): a posts table (--posts FILE,
--posts-sheet NAME, or a sheet named Posts), Vacant rows, or --vacancies FTE (the vacancy FTE at
30 September). Without one, no return is written.
check and census group problems by kind; --csv lists one line per problem.`;

type Command = (args: Args, out: Out, err: Out) => Promise<number>;

/**
 * Each command's module, loaded only when it runs: `workforce metrics` on a CSV then never
 * loads ExcelJS and its few hundred modules (a quarter of a second).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  metrics: async () => (await import("./commands/metrics")).metrics,
  check: async () => (await import("./commands/check")).check,
  census: async () => (await import("./commands/census")).census,
  summary: async () => (await import("./commands/summary")).summary,
  template: async () => (await import("./commands/template")).template,
  portable: async () => (await import("./commands/portable")).portable,
};

async function run(argv: string[], out: Out, err: Out): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "as-of": { type: "string" },
      sheet: { type: "string" },
      posts: { type: "string" },
      "posts-sheet": { type: "string" },
      json: { type: "boolean" },
      csv: { type: "boolean" },
      output: { type: "string", short: "o" },
      year: { type: "string" },
      la: { type: "string" },
      benchmarks: { type: "string" },
      vacancies: { type: "string" },
      shareable: { type: "boolean" },
      restore: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, file] = positionals;
  if (command === "template" && file === undefined && !values.output)
    throw new UsageError("template needs -o OUT.xlsx");
  if (values.help || !command) {
    out(USAGE);
    return command ? 0 : 2;
  }
  const load = COMMANDS[command];
  if (!load) throw new UsageError(`unknown command "${command}"`);
  return (await load())({ command, file, values }, out, err);
}

export async function main(
  argv: string[],
  out: Out = console.log,
  err: Out = console.error
): Promise<number> {
  try {
    return await run(argv, out, err);
  } catch (e) {
    if (e instanceof FileError) {
      err(`workforce: ${e.message}`);
      return 2;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      err(`workforce: ${(e as Error).message}\n${USAGE}`);
      return 2;
    }
    err(`workforce: unexpected error: ${(e as Error).message}`);
    return 2;
  }
}
