/** A file format ideokit recognises by its magic bytes: the images and fonts the Ideogram API accepts, and GIF to name it when refused. */
export type FileFormat = "png" | "jpeg" | "webp" | "gif" | "ttf" | "otf" | "woff" | "woff2";

interface FormatInfo {
  readonly mime: string;
  readonly extension: string;
  /** With its article, for messages: "is a GIF", "is an OTF". */
  readonly name: string;
}

const FORMATS: Readonly<Record<FileFormat, FormatInfo>> = {
  png: { mime: "image/png", extension: "png", name: "a PNG" },
  jpeg: { mime: "image/jpeg", extension: "jpg", name: "a JPEG" },
  webp: { mime: "image/webp", extension: "webp", name: "a WebP" },
  gif: { mime: "image/gif", extension: "gif", name: "a GIF" },
  ttf: { mime: "font/ttf", extension: "ttf", name: "a TTF" },
  otf: { mime: "font/otf", extension: "otf", name: "an OTF" },
  woff: { mime: "font/woff", extension: "woff", name: "a WOFF" },
  woff2: { mime: "font/woff2", extension: "woff2", name: "a WOFF2" },
};

/** How many leading bytes {@link sniffFileType} needs to tell every format apart. */
export const SNIFF_BYTES = 12;

// Binary strings (one char per byte), compared by char code. Checked in order; WebP is "RIFF" at 0
// and "WEBP" at 8, with a size in between.
function startsWith(bytes: Uint8Array, signature: string, offset = 0): boolean {
  for (let index = 0; index < signature.length; index++)
    if (bytes[offset + index] !== signature.charCodeAt(index)) return false;
  return true;
}

const SIGNATURES: readonly (readonly [FileFormat, string])[] = [
  ["png", "\x89PNG\r\n\x1a\n"],
  ["jpeg", "\xff\xd8\xff"],
  ["gif", "GIF8"],
  ["ttf", "\0\x01\0\0"],
  // Apple's TrueType fonts open with "true" rather than version 1.0.
  ["ttf", "true"],
  ["otf", "OTTO"],
  ["woff", "wOFF"],
  ["woff2", "wOF2"],
];

/** The format of a file from its first bytes (`SNIFF_BYTES` are enough), or `undefined` when it is none of {@link FileFormat}. */
export function sniffFileType(bytes: Uint8Array): FileFormat | undefined {
  if (startsWith(bytes, "RIFF") && startsWith(bytes, "WEBP", 8)) return "webp";
  for (const [format, signature] of SIGNATURES) if (startsWith(bytes, signature)) return format;
  return undefined;
}

/** The MIME type of a format (`image/png`, `font/woff2`). */
export const mimeOf = (format: FileFormat): string => FORMATS[format].mime;

/** The format a MIME type names, if any (parameters and case ignored). */
export function formatOfMime(type: string): FileFormat | undefined {
  const essence = type.split(";")[0]?.trim().toLowerCase();
  return (Object.keys(FORMATS) as FileFormat[]).find((format) => FORMATS[format].mime === essence);
}

/** The usual file-name extension of a format, without the dot. */
export const extensionOf = (format: FileFormat): string => FORMATS[format].extension;

/** `a PNG`, `an OTF`: the format as a message names it. */
export const formatName = (format: FileFormat): string => FORMATS[format].name;

/** `a PNG, JPEG or WebP`: a list of formats for a message. */
export function formatList(formats: readonly FileFormat[]): string {
  const names = formats.map((format, index) =>
    index === 0 ? formatName(format) : formatName(format).replace(/^an? /, ""),
  );
  return names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}
