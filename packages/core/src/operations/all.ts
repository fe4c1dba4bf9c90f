import type { TableOperation } from "../table/define.ts";
import { generateOperation } from "./generate.ts";
import { v3GenerateOperation } from "./v3-generate.ts";

// Every operation in one list, in a module of its own: importing one operation elsewhere never
// pulls this list (and with it every other operation) into a bundle.

/** Every operation of the table, legacy first, then Ideogram 3.0, then the newer endpoints. */
export const OPERATIONS = [generateOperation, v3GenerateOperation] as const;

/** The id of one of {@link OPERATIONS}: `"generate"`, `"v3.generate"`, … */
export type OperationId = (typeof OPERATIONS)[number]["id"];

/** The operation with this id (`"v3.replaceBackground"`), or `undefined`. */
export function operationById(id: string): TableOperation | undefined {
  return (OPERATIONS as readonly TableOperation[]).find((operation) => operation.id === id);
}
