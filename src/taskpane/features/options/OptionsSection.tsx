/** Options: the as-of date, caseload targets, suppression threshold and England comparator year. */
import { Field, Input, Select } from "@fluentui/react-components";
import * as React from "react";
import { censusDate, isoFromSerial, parseDate, ymdFromSerial } from "../../../core/dates";
import { useSectionStyles } from "../../components/styles";
import type { OptionsErrors, OptionsField, OptionsForm } from "./options-form";
import { Term, TERMS } from "../../components/Term";

export interface OptionsSectionProps {
  form: OptionsForm;
  errors: OptionsErrors;
  /** The data's default as-of date (an Excel serial), when the data has dates. */
  defaultAsOf: number | null;
  /** Census years with England's figures, oldest first. */
  comparatorYears: readonly number[];
  onChange: (field: OptionsField, value: string) => void;
}

/** A date in the user's own format, with the month in words so it cannot be misread. */
const localDate = (serial: number) => {
  const [y, m, d] = isoFromSerial(serial).split("-").map(Number);
  return new Intl.DateTimeFormat(undefined, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d))
  );
};

/** The census year a date falls in: the year of the latest 30 September on or before it. */
function censusYear(serial: number): number {
  const { year } = ymdFromSerial(serial);
  return serial < censusDate(year) ? year - 1 : year;
}

export function OptionsSection(props: OptionsSectionProps): React.JSX.Element {
  const styles = useSectionStyles();
  const { form, errors } = props;
  const field = (name: OptionsField) => ({
    validationState: errors[name] ? ("error" as const) : ("none" as const),
    validationMessage: errors[name],
  });
  const text =
    (name: OptionsField) =>
    (_: unknown, data: { value: string }): void =>
      props.onChange(name, data.value);

  const asOf = (form.asOf !== "" && parseDate(form.asOf)) || props.defaultAsOf;
  const asOfYear = asOf ? censusYear(asOf) : null;
  const lastYear = props.comparatorYears[props.comparatorYears.length - 1];
  const noEngland =
    form.comparatorYear === "" &&
    asOfYear !== null &&
    lastYear !== undefined &&
    !props.comparatorYears.includes(asOfYear);

  return (
    <div className={styles.stack}>
      <Field
        label={<Term explanation={TERMS.asOf}>As-of date</Term>}
        hint={
          props.defaultAsOf === null
            ? "The census date the figures are for. Leave it blank for 30 September of the data's latest year."
            : `The census date the figures are for. Leave it blank for the data's default, ${localDate(props.defaultAsOf)}.`
        }
        {...field("asOf")}
      >
        <Input className={styles.control} type="date" value={form.asOf} onChange={text("asOf")} />
      </Field>
      <Field
        label="Caseload target, all roles"
        hint="Cases per case holder; the caseload table counts those above it."
        {...field("caseloadTarget")}
      >
        <Input
          className={styles.control}
          inputMode="numeric"
          value={form.caseloadTarget}
          onChange={text("caseloadTarget")}
        />
      </Field>
      <Field
        label={
          <>
            Caseload target, <Term explanation={TERMS.ASYE}>ASYE</Term>
          </>
        }
        hint="For newly qualified social workers."
        {...field("caseloadTargetAsye")}
      >
        <Input
          className={styles.control}
          inputMode="numeric"
          value={form.caseloadTargetAsye}
          onChange={text("caseloadTargetAsye")}
        />
      </Field>
      <Field
        label="Suppression threshold"
        hint="Counts below this number are hidden in tables you share, so no person can be picked out."
        {...field("suppressionThreshold")}
      >
        <Input
          className={styles.control}
          inputMode="numeric"
          value={form.suppressionThreshold}
          onChange={text("suppressionThreshold")}
        />
      </Field>
      <Field
        label="England comparator year"
        hint="The census year of England's figures shown beside yours."
        validationState={errors.comparatorYear ? "error" : noEngland ? "warning" : "none"}
        validationMessage={
          errors.comparatorYear ??
          (noEngland
            ? `England's figures for ${asOfYear} are not published here (the latest are for ${lastYear}): choose a year to compare with.`
            : undefined)
        }
      >
        <Select
          className={styles.control}
          value={form.comparatorYear}
          onChange={(_, d) => props.onChange("comparatorYear", d.value)}
        >
          <option value="">As-of date's year{asOfYear !== null ? ` (${asOfYear})` : ""}</option>
          {props.comparatorYears.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
