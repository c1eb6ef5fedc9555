/**
 * Ribbon commands. The only button (Home tab > Workforce Scrutiny) opens the task pane through a
 * ShowTaskpane action in manifest.xml, which needs no code; this entry point exists so that
 * function commands can be added with Office.actions.associate.
 */

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady(() => {
    // No function commands yet.
  });
}
