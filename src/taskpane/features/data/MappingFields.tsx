/** One select per canonical column: which of the table's columns holds it. */
import { Field, Select } from "@fluentui/react-components";
import * as React from "react";
import type { ColumnSpec } from "../../../core/columns";
import type { ColumnMatch } from "../../../core/headers";
import { useSectionStyles } from "../../components/styles";
import { choiceFor, HeaderChoice, howFound, NOT_MAPPED } from "./mapping";

export interface MappingFieldsProps<K extends string> {
  /** Heading of the group, e.g. "Staff columns". */
  title: string;
  specs: readonly ColumnSpec<K>[];
  columns: readonly ColumnMatch<K>[];
  choices: readonly HeaderChoice[];
  onChange: (key: K, value: string) => void;
  disabled?: boolean;
}

export function MappingFields<K extends string>(props: MappingFieldsProps<K>): React.JSX.Element {
  const styles = useSectionStyles();
  const headingId = React.useId();
  return (
    <div role="group" aria-labelledby={headingId} className={styles.group}>
      <h3 id={headingId} className={styles.heading}>
        {props.title}
      </h3>
      {props.specs.map((spec) => {
        const match = props.columns.find((c) => c.key === spec.key);
        const value = choiceFor(props.columns, spec.key);
        const missing = value === NOT_MAPPED;
        const error = spec.required && missing;
        return (
          <Field
            key={spec.key}
            label={spec.label}
            required={spec.required}
            hint={error ? undefined : howFound(match)}
            validationState={error ? "error" : "none"}
            validationMessage={
              error ? `Required: choose the column that holds ${spec.label}.` : undefined
            }
          >
            <Select
              className={styles.control}
              value={value}
              disabled={props.disabled}
              onChange={(_, data) => props.onChange(spec.key, data.value)}
            >
              {(!spec.required || missing) && <option value={NOT_MAPPED}>(not mapped)</option>}
              {props.choices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
    </div>
  );
}
