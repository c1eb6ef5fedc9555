/**
 * Rewrites one formula so that it works in an Excel without the add-in:
 *
 * - a rate function on two numbers becomes native arithmetic (native-rates.ts), live on the
 *   cells it names;
 * - any other WORKFORCE call (on the staff table, or DfE's figures) becomes its value, computed
 *   by core through the real function (the caller's `call`), written in place as a literal (an
 *   array constant for one that spills); the rest of the formula stays as it was;
 * - a formula that is nothing but one such call becomes the value itself (`whole`).
 *
 * Nested calls are rewritten innermost first. Text in quotes, and formulas of other add-ins,
 * are never touched; the other add-ins' functions are listed.
 */
import type { Argument, Resolver } from "./arguments";
import {
  argumentShape,
  closingParen,
  evaluateArgument,
  splitArguments,
  Unresolved,
} from "./arguments";
import type { Spelling, WorkforceId } from "./forms";
import { mentionsWorkforce, otherAddinCall, workforceCall } from "./forms";
import { isRateId, nativeRate } from "./native-rates";
import type { Token } from "./tokens";
import { tokenize } from "./tokens";
import type { CallValue } from "./values";
import { callValueLiteral } from "./values";

export interface RewriteContext {
  resolver: Resolver;
  /** Whether a defined name is one cell (so a rate function on it is the number form). */
  nameIsCell?: (name: string) => boolean;
  /** Calls a WORKFORCE function as Excel would, on the arguments' values. */
  call(id: WorkforceId, args: Argument[]): Promise<CallValue>;
}

export interface CallFound {
  id: WorkforceId;
  spelling: Spelling;
  /** "native": native arithmetic; "value": replaced by its value. */
  became: "native" | "value";
}

export type FormulaRewrite =
  | { kind: "none"; otherAddins: string[] }
  | {
      kind: "native" | "value";
      /** The new formula (no "="), or null when the whole formula became `value`. */
      formula: string | null;
      value?: CallValue;
      calls: CallFound[];
      otherAddins: string[];
    }
  | { kind: "unresolved"; reason: string; calls: CallFound[]; otherAddins: string[] };

interface State {
  calls: CallFound[];
  others: Set<string>;
}

async function rewriteTokens(tokens: Token[], ctx: RewriteContext, state: State): Promise<string> {
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const wf = workforceCall(t);
    if (!wf) {
      if (otherAddinCall(t)) state.others.add(t.text);
      out += t.text;
      continue;
    }
    const open = i + 1;
    const close = closingParen(tokens, open);
    if (tokens[open]?.kind !== "open" || close < 0)
      throw new Unresolved(`the call ${t.text} has no closing bracket`);
    const argTexts: string[] = [];
    for (const arg of splitArguments(tokens, open, close))
      argTexts.push(await rewriteTokens(arg, ctx, state));
    out += await replacement(wf.id, wf.spelling, argTexts, ctx, state);
    i = close;
  }
  return out;
}

async function replacement(
  id: WorkforceId,
  spelling: Spelling,
  argTexts: string[],
  ctx: RewriteContext,
  state: State
): Promise<string> {
  const argTokens = argTexts.map(tokenize);
  if (isRateId(id) && argumentShape(argTokens[0] ?? [], ctx.nameIsCell) === "single") {
    state.calls.push({ id, spelling, became: "native" });
    return nativeRate(id, argTexts[0] ?? '""', argTexts[1] ?? null);
  }
  const args = argTokens.map((a) => evaluateArgument(a, ctx.resolver));
  const value = await ctx.call(id, args);
  state.calls.push({ id, spelling, became: "value" });
  return callValueLiteral(value);
}

/** The one WORKFORCE call a formula consists of (spaces aside), or null. */
function soleCall(tokens: readonly Token[]): boolean {
  const solid = tokens.map((t, i) => ({ t, i })).filter(({ t }) => t.kind !== "space");
  if (solid.length < 3 || !workforceCall(solid[0].t)) return false;
  return closingParen(tokens, solid[0].i + 1) === solid[solid.length - 1].i;
}

/** Rewrite a formula (as a file stores it: no leading "="). */
export async function rewriteFormula(
  formula: string,
  ctx: RewriteContext
): Promise<FormulaRewrite> {
  const tokens = tokenize(formula);
  const state: State = { calls: [], others: new Set() };
  const hasCall = mentionsWorkforce(formula) && tokens.some((t) => workforceCall(t));
  if (!hasCall) {
    for (const t of tokens) if (otherAddinCall(t)) state.others.add(t.text);
    return { kind: "none", otherAddins: [...state.others] };
  }
  try {
    if (soleCall(tokens)) {
      const first = tokens.findIndex((t) => t.kind !== "space");
      const wf = workforceCall(tokens[first])!;
      const open = first + 1;
      const close = closingParen(tokens, open);
      const argTexts: string[] = [];
      for (const arg of splitArguments(tokens, open, close))
        argTexts.push(await rewriteTokens(arg, ctx, state));
      const argTokens = argTexts.map(tokenize);
      const native =
        isRateId(wf.id) && argumentShape(argTokens[0] ?? [], ctx.nameIsCell) === "single";
      if (native) {
        state.calls.push({ id: wf.id, spelling: wf.spelling, became: "native" });
        const kind = state.calls.some((c) => c.became === "value") ? "value" : "native";
        return {
          kind,
          formula: nativeRate(wf.id as never, argTexts[0] ?? '""', argTexts[1] ?? null),
          calls: state.calls,
          otherAddins: [...state.others],
        };
      } else {
        const value = await ctx.call(
          wf.id,
          argTokens.map((a) => evaluateArgument(a, ctx.resolver))
        );
        state.calls.push({ id: wf.id, spelling: wf.spelling, became: "value" });
        return {
          kind: "value",
          formula: null,
          value,
          calls: state.calls,
          otherAddins: [...state.others],
        };
      }
    }
    const rewritten = await rewriteTokens(tokens, ctx, state);
    const kind = state.calls.some((c) => c.became === "value") ? "value" : "native";
    return { kind, formula: rewritten, calls: state.calls, otherAddins: [...state.others] };
  } catch (error) {
    if (!(error instanceof Unresolved)) throw error;
    return {
      kind: "unresolved",
      reason: error.message,
      calls: state.calls,
      otherAddins: [...state.others],
    };
  }
}

/** Whether a formula holds a WORKFORCE call in any spelling (text in quotes does not count). */
export function hasWorkforceCall(formula: string): boolean {
  return mentionsWorkforce(formula) && tokenize(formula).some((t) => workforceCall(t));
}
