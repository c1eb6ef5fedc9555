/**
 * The task pane (placeholder). In the shared runtime this page also hosts the custom functions
 * and the ribbon commands, so nothing here may block or throw at load time.
 */

function setStatus(text: string): void {
  const status = document.getElementById("status");
  if (status) {
    status.textContent = text;
  }
}

function start(): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    // Opened outside Office (or office.js could not load): the page still explains itself.
    setStatus("Open this page from Excel to use Workforce Scrutiny.");
    return;
  }
  Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) {
      setStatus("Ready.");
    } else {
      setStatus("Workforce Scrutiny runs in Excel.");
    }
  }).catch(() => setStatus("Office could not start this add-in."));
}

start();
