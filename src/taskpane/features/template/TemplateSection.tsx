/** Insert staff data template: empty staff and posts tables with the canonical headers. */
import { Button } from "@fluentui/react-components";
import * as React from "react";
import { Notice, Notices } from "../../components/Notices";
import { useSectionStyles } from "../../components/styles";

export interface TemplateSectionProps {
  running: boolean;
  /** Sheet names written by the last insert. */
  inserted: readonly string[] | null;
  notices: readonly Notice[];
  onDismiss: (id: string) => void;
  onInsert: () => void;
}

export function TemplateSection(props: TemplateSectionProps): React.JSX.Element {
  const styles = useSectionStyles();
  return (
    <div className={styles.stack}>
      <p className={styles.text}>
        Adds new sheets with empty staff and posts tables: the expected headings, lists of allowed
        values, date formats and a short note on how to fill them in.
      </p>
      <div className={styles.actions}>
        <Button disabledFocusable={props.running} onClick={props.onInsert}>
          Insert staff data template
        </Button>
      </div>
      <Notices notices={props.notices} onDismiss={props.onDismiss} />
      <p className={styles.text} role="status">
        {props.inserted && !props.running ? `Inserted: ${props.inserted.join(", ")}.` : ""}
      </p>
    </div>
  );
}
