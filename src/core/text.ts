/** Text keys for matching: case-, space- and punctuation-insensitive, as `columns.md` asks. */
export function matchKey(value: unknown): string {
  const lower = String(value ?? "").toLowerCase();
  // Most keys (staff IDs, codes) are letters and digits already: no need to look for others.
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return lower.replace(/[^a-z0-9]+/g, "");
  }
  return lower;
}

/** A header's key without a trailing "(FTE)"-style note. */
export function headerKeyWithoutNote(value: unknown): string {
  return matchKey(String(value ?? "").replace(/\s*\([^)]*\)\s*$/, ""));
}

/** The text of a cell as an analyst would read it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  return String(value).trim();
}

export function isBlank(value: unknown): boolean {
  return cellText(value) === "";
}

/** The key a team is matched on: " NORTH " and "North" are one team. */
export function teamKeyOf(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}
