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
export declare function binaryPlaceholder(file: Blob): string;
/** Whether a string is what {@link binaryPlaceholder} makes of a file part. */
export declare function isBinaryPlaceholder(value: string): boolean;
/**
 * A multipart body as the object its schema describes: repeated parts become arrays, file parts
 * placeholders (validated by `format: binary`), and parts the spec encodes as JSON (or whose schema
 * is an object) parsed, and text parts whose schema is a number or boolean converted as the
 * service's form parser does (text that is neither stays text, so the schema reports it).
 */
export declare function formDataToObject(form: FormData, schema: SchemaNode, encoding: Record<string, PartEncoding>, resolve: ResolveRef): Record<string, unknown>;
