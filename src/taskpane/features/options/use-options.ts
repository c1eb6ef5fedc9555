/** The Options section's state: the fields as typed, and their reading into SummaryOptions. */
import * as React from "react";
import { ENGLAND } from "../../../core/comparators/england";
import type { SummaryOptions } from "../../../core/summary/options";
import { formFromOptions, OptionsField, OptionsForm, readOptionsForm } from "./options-form";

const COMPARATOR_YEARS = ENGLAND.map((e) => e.year).sort((a, b) => a - b);

export function useOptions(deps: { changed: () => void }) {
  const { changed } = deps;
  const [form, setForm] = React.useState<OptionsForm>(() => formFromOptions());
  const reading = React.useMemo(() => readOptionsForm(form), [form]);

  const setOption = (field: OptionsField, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    changed();
  };
  /** The pane starts: the options saved in the workbook. */
  const restore = React.useCallback(
    (saved: Partial<SummaryOptions> | undefined) => setForm(formFromOptions(saved)),
    []
  );

  return {
    /** The options, when every field can be read. */
    options: reading.options,
    /** Each field that can be read (what the workbook remembers). */
    values: reading.values,
    restore,
    /** What the Options section shows, given the as-of date the data suggests. */
    section: (defaultAsOf: number | null) => ({
      form,
      errors: reading.errors,
      defaultAsOf,
      comparatorYears: COMPARATOR_YEARS,
      onChange: setOption,
    }),
  };
}
