/** The command line's shared arguments and errors. */
import { parseDate } from "../core/dates";
import { defaultAsOf } from "../core/report";
import type { StaffRecord } from "../core/staff";
import { FileError } from "../node/read-file";

export class UsageError extends Error {}

export interface Args {
  command: string;
  file?: string;
  values: {
    "as-of"?: string;
    sheet?: string;
    posts?: string;
    "posts-sheet"?: string;
    json?: boolean;
    csv?: boolean;
    output?: string;
    year?: string;
    la?: string;
    benchmarks?: string;
    vacancies?: string;
    shareable?: boolean;
    restore?: boolean;
    help?: boolean;
  };
}

export type Out = (line: string) => void;

/** --as-of, or a census file's reference date, or the data's default as-of date (`metrics.md`). */
export function asOfFrom(
  args: Args,
  records: readonly StaffRecord[],
  referenceDate: number | null = null
): number {
  if (args.values["as-of"] !== undefined) {
    const d = parseDate(args.values["as-of"]);
    if (d === null)
      throw new UsageError(`--as-of "${args.values["as-of"]}" is not a date: use YYYY-MM-DD`);
    return d;
  }
  const d = referenceDate ?? defaultAsOf(records);
  if (d === null)
    throw new FileError(
      `${args.file}: no usable start or leave dates, so no default as-of date; give --as-of YYYY-MM-DD`
    );
  return d;
}

export function needFile(args: Args): string {
  if (!args.file) throw new UsageError(`${args.command} needs a FILE`);
  return args.file;
}

export function needOutput(args: Args): string {
  if (!args.values.output) throw new UsageError(`${args.command} needs -o OUT`);
  return args.values.output;
}
