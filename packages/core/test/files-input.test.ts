import { describe, expect, it } from "vitest";
import { extensionOf, formatOfMime, isFileInput, mimeOf, toBlobPart } from "../src/index.ts";
import { gif, jpeg, png, webpLossy } from "./file-bytes.ts";

const bytesOf = async (blob: Blob): Promise<Uint8Array> => new Uint8Array(await blob.arrayBuffer());

describe("isFileInput", () => {
  it.each([
    ["a Blob", new Blob(["x"])],
    ["a File", new File(["x"], "x.png")],
    ["a Uint8Array", new Uint8Array(1)],
    ["a Node Buffer (a Uint8Array)", Buffer.from("x")],
    ["an ArrayBuffer", new ArrayBuffer(1)],
    ["bytes with a name and type", { data: new Uint8Array(1), name: "a.png", type: "image/png" }],
    ["a Blob with only a name", { data: new Blob(["x"]), name: "a.png" }],
  ])("accepts %s", (_, value) => {
    expect(isFileInput(value)).toBe(true);
  });

  it.each([
    ["a string", "photo.png"],
    ["a number array", [137, 80, 78, 71]],
    ["an Int16Array", new Int16Array(2)],
    ["null", null],
    ["an object without data", { name: "a.png" }],
    ["data that is a string", { data: "base64..." }],
    ["a name that is not a string", { data: new Uint8Array(1), name: 3 }],
    ["a type that is not a string", { data: new Uint8Array(1), type: null }],
  ])("rejects %s", (_, value) => {
    expect(isFileInput(value)).toBe(false);
  });
});

describe("toBlobPart", () => {
  it("keeps a File's own name, type and object", () => {
    const file = new File([png(2, 2)], "cat.png", { type: "image/png" });
    const part = toBlobPart(file, "image_file");
    expect(part).toEqual({ blob: file, name: "cat.png" });
    expect(part.blob).toBe(file);
  });

  it("sniffs the type of bare bytes and gives the fallback name its extension", async () => {
    const bytes = png(2, 2);
    const part = toBlobPart(bytes, "image_file");
    expect(part.name).toBe("image_file.png");
    expect(part.blob.type).toBe("image/png");
    expect(await bytesOf(part.blob)).toEqual(bytes);
  });

  it("treats an ArrayBuffer like its bytes", async () => {
    const bytes = webpLossy(3, 3);
    const part = toBlobPart(bytes.buffer as ArrayBuffer, "image");
    expect(part.name).toBe("image.webp");
    expect(part.blob.type).toBe("image/webp");
    expect(await bytesOf(part.blob)).toEqual(bytes);
  });

  it("prefers the declared type and name over the sniffed ones", () => {
    const part = toBlobPart({ data: png(1, 1), name: "upload", type: "image/jpeg" }, "image_file");
    expect(part.name).toBe("upload.jpg");
    expect(part.blob.type).toBe("image/jpeg");
  });

  it("keeps a name that already has an extension", () => {
    expect(toBlobPart({ data: png(1, 1), name: "scan.final.PNG" }, "image").name).toBe("scan.final.PNG");
    expect(toBlobPart({ data: gif(1, 1), name: "anim.gif" }, "image").name).toBe("anim.gif");
  });

  it("retypes a Blob given another type without copying the caller's object", async () => {
    const blob = new Blob([png(1, 1)]);
    const part = toBlobPart({ data: blob, type: "image/png" }, "mask");
    expect(part.blob).not.toBe(blob);
    expect(part.blob.type).toBe("image/png");
    expect(part.name).toBe("mask.png");
    expect(await bytesOf(part.blob)).toEqual(await bytesOf(blob));
  });

  it("leaves an untyped Blob and unknown bytes untyped, under the fallback name", () => {
    expect(toBlobPart(new Blob([png(1, 1)]), "image")).toMatchObject({ name: "image" });
    const unknown = toBlobPart(new TextEncoder().encode("hello"), "image");
    expect(unknown.name).toBe("image");
    expect(unknown.blob.type).toBe("");
  });

  it("gives FormData a file part with that name and type", async () => {
    const bytes = jpeg(4, 4);
    const { blob, name } = toBlobPart({ data: bytes.buffer as ArrayBuffer }, "image");
    const form = new FormData();
    form.append("image", blob, name);
    const part = form.get("image");
    expect(part).toBeInstanceOf(Blob);
    expect((part as File).name).toBe("image.jpg");
    expect((part as File).type).toBe("image/jpeg");
    expect(await bytesOf(part as File)).toEqual(bytes);
  });

  it("uses the fallback for a File without a name", () => {
    expect(toBlobPart(new File([png(1, 1)], "", { type: "image/png" }), "mask").name).toBe("mask.png");
  });
});

describe("format helpers", () => {
  it("map formats to MIME types and extensions and back", () => {
    expect(mimeOf("woff2")).toBe("font/woff2");
    expect(extensionOf("jpeg")).toBe("jpg");
    expect(formatOfMime("Image/PNG; charset=binary")).toBe("png");
    expect(formatOfMime("image/png,text/html")).toBeUndefined();
    expect(formatOfMime("text/html")).toBeUndefined();
  });
});
