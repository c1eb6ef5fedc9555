/**
 * The workbook's document settings (Office.context.document.settings) behind a three-method
 * store, so the adapter's tests can use a fake. The product keeps one key, "WorkforceScrutiny",
 * holding its settings as JSON text; `saveAsync` writes them into the document.
 */

export const SETTINGS_KEY = "WorkforceScrutiny";

export interface DocumentSettingsStore {
  /** The stored value of the product's key (null or undefined when never saved). */
  get(): unknown;
  set(value: string): void;
  /** Persist the settings in the document. */
  save(): Promise<void>;
}

function documentSettings(): Office.Settings {
  const settings = typeof Office !== "undefined" ? Office.context?.document?.settings : undefined;
  if (!settings) {
    throw new Error(
      "The workbook's settings can only be read inside Excel: open Workforce Scrutiny from Excel's ribbon."
    );
  }
  return settings;
}

/** The store of the open workbook (Office.js); every call reaches Office only when made. */
export function officeDocumentSettings(): DocumentSettingsStore {
  return {
    get: () => documentSettings().get(SETTINGS_KEY),
    set: (value) => documentSettings().set(SETTINGS_KEY, value),
    save: () =>
      new Promise<void>((resolve, reject) => {
        documentSettings().saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Failed) {
            reject(
              new Error(
                `Excel could not save the settings in the workbook: ${result.error?.message ?? "no reason given"}.`
              )
            );
          } else {
            resolve();
          }
        });
      }),
  };
}
