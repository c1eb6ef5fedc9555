/**
 * Core's census reading and writing, in one module the pane and the workbench import lazily
 * (`loadCensusCore()` in load-census.ts), so the CSWW code is a chunk of its own, loaded on first use.
 */
export { readCensus } from "../../../core/census/read";
export type { CensusReadResult } from "../../../core/census/read";
export { censusStaffPlan } from "../../../core/census/import-plan";
export { writeCensus } from "../../../core/census/write";
export type { WriteCensusResult } from "../../../core/census/write";
