/**
 * The equality profile and age (`metrics.md`, "Equality profile"): shares are of in-post social
 * workers (one per staff ID) whose value is known; "not known" is its own share of headcount.
 */
import { completedYears } from "../dates";
import { MeasureValue, NotAvailable, ratio } from "../result";
import type { StaffColumnsPresent, StaffRecord } from "../staff";
import { Population } from "./population";

type Field = "gender" | "ethnicGroup" | "disability" | "sexualOrientation";
const COLUMN: Record<Field, keyof StaffColumnsPresent> = {
  gender: "gender",
  ethnicGroup: "ethnicity",
  disability: "disability",
  sexualOrientation: "sexualOrientation",
};
const LABEL: Record<Field, string> = {
  gender: "gender",
  ethnicGroup: "ethnicity",
  disability: "disability",
  sexualOrientation: "sexual orientation",
};

function people(p: Population): StaffRecord[] {
  return Population.distinct(p.socialWorkersInPost());
}

/** People with a known value for `field`, and those of them for whom `is` holds. */
function knownParts(p: Population, field: Field, is: (value: string) => boolean) {
  let numerator = 0;
  let denominator = 0;
  for (const r of people(p)) {
    const value = r[field];
    if (value === "Not known") continue;
    denominator++;
    if (is(value)) numerator++;
  }
  return { numerator, denominator };
}

/** Share of people with a known value for `field` for whom `is` holds. */
function knownShare(p: Population, field: Field, is: (value: string) => boolean): MeasureValue {
  if (!p.present[COLUMN[field]])
    return new NotAvailable(`no ${LABEL[field]} column in the staff data`);
  const { numerator, denominator } = knownParts(p, field, is);
  return ratio(numerator, denominator, `no in-post social worker has a known ${LABEL[field]}`);
}

/** Share of headcount whose value for `field` is not known. */
function notKnownShare(p: Population, field: Field): MeasureValue {
  if (!p.present[COLUMN[field]])
    return new NotAvailable(`no ${LABEL[field]} column in the staff data`);
  const all = people(p);
  let notKnown = 0;
  for (const r of all) if (r[field] === "Not known") notKnown++;
  return ratio(notKnown, all.length, "no social workers in post at the as-of date");
}

/** The shares of the equality profile: field and test, by measure key. */
const SHARES: Record<string, [Field, (value: string) => boolean]> = {
  femaleShare: ["gender", (v) => v === "Female"],
  maleShare: ["gender", (v) => v === "Male"],
  otherGenderShare: ["gender", (v) => v === "Other"],
  disabledShare: ["disability", (v) => v === "Yes"],
  ethnicMinorityShare: ["ethnicGroup", (v) => v !== "White"],
  lgbShare: ["sexualOrientation", (v) => v === "LGB+"],
};

/** A share's numerator and denominator (for disclosure control), or null for other measures. */
export function shareParts(
  p: Population,
  key: string
): { numerator: number; denominator: number } | null {
  const share = SHARES[key];
  return share ? knownParts(p, ...share) : null;
}

export const femaleShare = (p: Population) => knownShare(p, ...SHARES.femaleShare);
export const maleShare = (p: Population) => knownShare(p, ...SHARES.maleShare);
export const otherGenderShare = (p: Population) => knownShare(p, ...SHARES.otherGenderShare);
export const genderNotKnownShare = (p: Population) => notKnownShare(p, "gender");
export const disabledShare = (p: Population) => knownShare(p, ...SHARES.disabledShare);
export const disabilityNotKnownShare = (p: Population) => notKnownShare(p, "disability");
/** Asian, Black, Mixed and Other groups; the White groups are not counted here. */
export const ethnicMinorityShare = (p: Population) => knownShare(p, ...SHARES.ethnicMinorityShare);
export const ethnicityNotKnownShare = (p: Population) => notKnownShare(p, "ethnicGroup");
export const lgbShare = (p: Population) => knownShare(p, ...SHARES.lgbShare);
export const sexualOrientationNotKnownShare = (p: Population) =>
  notKnownShare(p, "sexualOrientation");

/** Age in completed years at D, from the date of birth or the Age column; null when unknown. */
export function ageAt(r: StaffRecord, asOf: number): number | null {
  if (r.birth !== null) return completedYears(r.birth, asOf);
  return r.age;
}

/** Mean completed years of age at D over in-post social workers with a date of birth or age. */
export function averageAge(p: Population): MeasureValue {
  if (!p.present.dateOfBirth && !p.present.age)
    return new NotAvailable("no date of birth or age column in the staff data");
  let total = 0;
  let known = 0;
  for (const r of people(p)) {
    const age = ageAt(r, p.asOf);
    if (age === null) continue;
    total += age;
    known++;
  }
  return ratio(total, known, "no in-post social worker has a date of birth or age");
}
