/** The pipeline (`metrics.md`): apprentices, students and trainees, counted only here. */
import type { WorkerType } from "../vocabulary";
import { Population } from "./population";

export function pipelineHeadcount(p: Population, type?: WorkerType): number {
  return Population.distinct(
    p.pipelineInPost().filter((r) => type === undefined || r.workerType === type)
  ).length;
}
