/** The WORKFORCE functions' metadata, generated from the JSDoc exactly as the build does it. */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata/lib/generate";
import { join } from "node:path";

export const FUNCTIONS_SOURCE = join(__dirname, "..", "..", "src", "functions", "functions.ts");

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: {
    name: string;
    description?: string;
    type: string;
    dimensionality?: "scalar" | "matrix";
    optional?: boolean;
  }[];
  result: { type?: string; dimensionality?: "scalar" | "matrix" };
}

let cached: Promise<{
  allowCustomDataForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
  associate: { id: string; functionName: string }[];
  errors: string[];
}> | null = null;

export function functionMetadata() {
  cached ??= generateCustomFunctionsMetadata([FUNCTIONS_SOURCE], false).then((r) => ({
    allowCustomDataForDataTypeAny: r.errors.length
      ? undefined
      : (JSON.parse(r.metadataJson).allowCustomDataForDataTypeAny as boolean | undefined),
    functions: r.errors.length ? [] : (JSON.parse(r.metadataJson).functions as FunctionMetadata[]),
    associate: r.associate,
    errors: r.errors,
  }));
  return cached;
}
