// OpenAPI lets an object carry properties its schema does not list. To catch typos and
// undocumented fields anyway, every object is closed with `unevaluatedProperties: false` (JSON
// Schema 2019-09), which still sees the properties an `allOf` base contributes. A component that
// others extend through `allOf` must stay open itself, so each component also gets a closed
// twin (`X__closed`: `allOf: [X]` plus the closing keyword) and every `$ref` outside an `allOf`
// points at the twin.

const CLOSED_SUFFIX = "__closed";
const COMPONENT_REF = "#/components/schemas/";

type Node = Record<string, unknown>;

/** The components with a closed twin per schema, and their own refs (outside `allOf`) pointed at the twins. */
export function closedComponents(components: Node): Node {
  const schemas = (components.schemas ?? {}) as Record<string, unknown>;
  const closed: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    closed[name] = closeSchema(schema, true);
    closed[name + CLOSED_SUFFIX] = { allOf: [{ $ref: COMPONENT_REF + name }], unevaluatedProperties: false };
  }
  return { ...components, schemas: closed };
}

/**
 * A schema with its inline objects closed and its refs outside `allOf` pointed at the closed
 * twins; `open` leaves the schema's own top level open (a component that may be extended).
 */
export function closeSchema(node: unknown, open = false, inAllOf = false): unknown {
  if (Array.isArray(node)) return node.map((item) => closeSchema(item, false, inAllOf));
  if (typeof node !== "object" || node === null) return node;
  const copy: Node = {};
  for (const [key, value] of Object.entries(node as Node)) {
    if (key === "allOf" && Array.isArray(value))
      copy[key] = value.map((item) => closeSchema(item, true, true));
    else if (key === "$ref" && typeof value === "string" && !inAllOf && value.startsWith(COMPONENT_REF)) {
      copy[key] = value + CLOSED_SUFFIX;
    } else copy[key] = typeof value === "object" ? closeSchema(value, false, false) : value;
  }
  const isObject = copy.properties !== undefined || copy.allOf !== undefined;
  if (isObject && !open && copy.additionalProperties === undefined) copy.unevaluatedProperties = false;
  return copy;
}
