/** Loads core's census code (a chunk of its own) on first use. Never import census-core statically. */
export type CensusCore = typeof import("./census-core");

export const loadCensusCore = (): Promise<CensusCore> =>
  import(/* webpackChunkName: "census" */ "./census-core");
