/**
 * "Not available" is a result, not an error: a rate over a zero denominator, vacancies with no
 * posts data, an average over no values. Never 0, never a throw (`metrics.md`).
 */
export class NotAvailable {
  constructor(readonly reason: string) {}
}

export type MeasureValue = number | NotAvailable;

export function isAvailable(v: MeasureValue): v is number {
  return typeof v === "number";
}

/** A ratio, or not available when the denominator is zero or either side is not available. */
export function ratio(
  numerator: MeasureValue,
  denominator: MeasureValue,
  whenZero: string
): MeasureValue {
  if (numerator instanceof NotAvailable) return numerator;
  if (denominator instanceof NotAvailable) return denominator;
  return denominator === 0 ? new NotAvailable(whenZero) : numerator / denominator;
}

/** null for not available: the JSON and table form. */
export function valueOrNull(v: MeasureValue): number | null {
  return typeof v === "number" ? v : null;
}
