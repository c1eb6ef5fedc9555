/** The staff data template section's state: inserting the template, then reading the tables again. */
import * as React from "react";
import type { WorkbookPlan } from "../../../core/summary/plan";
import type { WorkbookPort } from "../../../host/workbook-port";
import type { Notice } from "../../components/Notices";
import { plainError } from "../../components/plain-error";
import type { TemplateSectionProps } from "./TemplateSection";

export interface TemplateDeps {
  host: WorkbookPort;
  buildTemplatePlan: () => WorkbookPlan;
  /** Reads the tables again (the template's table becomes a choice). */
  reload: () => Promise<void>;
  notify: (intent: Notice["intent"], title: string, text: string) => void;
  clear: () => void;
  notices: readonly Notice[];
  onDismiss: (id: string) => void;
}

export function useTemplate(deps: TemplateDeps) {
  const { host, buildTemplatePlan, reload, notify, clear } = deps;
  const [template, setTemplate] = React.useState<{ running: boolean; inserted: string[] | null }>({
    running: false,
    inserted: null,
  });

  const insertTemplate = async () => {
    if (template.running) return;
    clear();
    setTemplate({ running: true, inserted: null });
    try {
      const result = await host.writePlan(buildTemplatePlan());
      setTemplate({ running: false, inserted: Object.values(result.sheetNames) });
    } catch (error) {
      notify("error", "Could not insert the template.", plainError(error));
      setTemplate({ running: false, inserted: null });
      return;
    }
    await reload();
  };

  const section: TemplateSectionProps = {
    running: template.running,
    inserted: template.inserted,
    notices: deps.notices,
    onDismiss: deps.onDismiss,
    onInsert: () => void insertTemplate(),
  };
  return { running: template.running, section };
}
