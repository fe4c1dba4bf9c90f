/** A schema object of an OpenAPI document, as far as the conversion below reads it. */
export interface SchemaNode {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
}

/** How a multipart part is encoded (OpenAPI `encoding` object), e.g. `{ contentType: "application/json" }`. */
export interface PartEncoding {
  contentType?: string;
}

/** Resolves a local `$ref` ("#/components/schemas/X") to its schema. */
export type ResolveRef = (ref: string) => SchemaNode;

/** The string a file part becomes, so `format: binary` can tell files from text parts. */
export function binaryPlaceholder(file: Blob): string {
  return `<file ${file.type || "application/octet-stream"}, ${file.size} bytes>`;
}

/** Whether a string is what {@link binaryPlaceholder} makes of a file part. */
export function isBinaryPlaceholder(value: string): boolean {
  return /^<file [^,]*, \d+ bytes>$/.test(value);
}

/**
 * A multipart body as the object its schema describes: repeated parts become arrays, file parts
 * placeholders (validated by `format: binary`), and parts the spec encodes as JSON (or whose schema
 * is an object) parsed, and text parts whose schema is a number or boolean converted as the
 * service's form parser does (text that is neither stays text, so the schema reports it).
 */
export function formDataToObject(
  form: FormData,
  schema: SchemaNode,
  encoding: Record<string, PartEncoding>,
  resolve: ResolveRef,
): Record<string, unknown> {
  const properties = collectProperties(schema, resolve);
  const object: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const json = isJsonPart(encoding[key], properties[key], resolve);
    const scalar = scalarType(properties[key], resolve);
    const values = form.getAll(key).map((value) => {
      if (typeof value !== "string") return binaryPlaceholder(value);
      return json ? parseJsonPart(value) : parseScalar(value, scalar);
    });
    object[key] = values.length === 1 && !isArraySchema(properties[key], resolve) ? values[0] : values;
  }
  return object;
}

function collectProperties(schema: SchemaNode, resolve: ResolveRef): Record<string, SchemaNode> {
  const node = deref(schema, resolve);
  const inherited = (node.allOf ?? []).map((part) => collectProperties(part, resolve));
  return Object.assign({}, ...inherited, node.properties);
}

function isJsonPart(
  encoding: PartEncoding | undefined,
  schema: SchemaNode | undefined,
  resolve: ResolveRef,
): boolean {
  if (encoding?.contentType !== undefined) return /\bjson\b/i.test(encoding.contentType);
  if (schema === undefined) return false;
  const node = deref(schema, resolve);
  const variants = node.oneOf ?? node.anyOf;
  if (variants !== undefined) return variants.some((variant) => isJsonPart(undefined, variant, resolve));
  return node.type === "object" || node.properties !== undefined;
}

function isArraySchema(schema: SchemaNode | undefined, resolve: ResolveRef): boolean {
  return schema !== undefined && deref(schema, resolve).type === "array";
}

/** The scalar type of a field or of its items: what its text parts hold. */
function scalarType(schema: SchemaNode | undefined, resolve: ResolveRef): string | undefined {
  if (schema === undefined) return undefined;
  const node = deref(schema, resolve);
  return node.type === "array" && node.items !== undefined ? scalarType(node.items, resolve) : node.type;
}

function parseScalar(text: string, type: string | undefined): unknown {
  if ((type === "integer" || type === "number") && /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i.test(text.trim())) {
    return Number(text);
  }
  if (type === "boolean" && (text === "true" || text === "false")) return text === "true";
  return text;
}

function deref(schema: SchemaNode, resolve: ResolveRef): SchemaNode {
  return schema.$ref === undefined ? schema : deref(resolve(schema.$ref), resolve);
}

/** JSON text as its value; text that is not JSON stays text, so the schema reports the wrong type. */
function parseJsonPart(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
