/** Length of service bands (`metrics.md`): completed years from start to D. */
import { completedYears } from "../dates";
import { Population } from "./population";

export const SERVICE_BANDS = ["<1", "1-2", "3-5", ">5"] as const;
export type ServiceBand = (typeof SERVICE_BANDS)[number];

export function serviceBand(start: number, asOf: number): ServiceBand {
  const years = completedYears(start, asOf);
  if (years < 1) return "<1";
  if (years <= 2) return "1-2";
  if (years <= 5) return "3-5";
  return ">5";
}

/** Headcount of in-post social workers in each band. */
export function lengthOfService(p: Population): Record<ServiceBand, number> {
  const counts: Record<ServiceBand, number> = { "<1": 0, "1-2": 0, "3-5": 0, ">5": 0 };
  for (const r of Population.distinct(p.socialWorkersInPost())) {
    if (r.start !== null) counts[serviceBand(r.start, p.asOf)]++;
  }
  return counts;
}
