import {
  APIError,
  errorFromResponse,
  generateOperation,
  RequestValidationError,
  validateGenerateRequest,
  validateImageRequest,
} from "@ideokit/core";
import { describe, expect, it } from "vitest";
import {
  errorSlotId,
  fieldForIssue,
  fieldMessage,
  issuesOf,
  memberHexId,
  memberWeightId,
  PRESET_FIELD_ID,
  parseIssuePath,
} from "../src/issue-fields.ts";
import { controlsFor } from "../src/operation-fields.ts";

// The legacy generate form's labels, as the page builds them from core's table.
const labels = Object.fromEntries(controlsFor(generateOperation).map((spec) => [spec.name, spec.label]));
const FORM_FIELDS = Object.keys(labels);

// One request with a problem in every field the form has, as the form could send it.
const everythingWrong = {
  prompt: " ",
  aspect_ratio: "ASPECT_16_9",
  resolution: "RESOLUTION_1024_1024",
  model: "V_1",
  style_type: "DESIGN",
  magic_prompt_option: "SOMETIMES",
  seed: -1,
  num_images: 9,
  color_palette: {
    members: [
      { color_hex: "#123456", color_weight: 0.5 },
      { color_hex: "blue", color_weight: 7 },
    ],
  },
};

function issuesFrom(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof RequestValidationError) return error.issues;
    throw error;
  }
  throw new Error("expected a RequestValidationError");
}

describe("fieldForIssue", () => {
  it("finds a form control for every issue core reports about the form's fields", () => {
    const fields = issuesFrom(() => validateImageRequest(everythingWrong)).map((issue) =>
      fieldForIssue(issue.path, labels),
    );
    expect(fields).not.toContain(undefined);
    expect(new Set(fields)).toEqual(
      new Set([
        "prompt",
        "resolution",
        "style_type",
        "magic_prompt_option",
        "seed",
        "num_images",
        "color_palette",
        memberHexId(1),
        memberWeightId(1),
      ]),
    );
  });

  it("maps the worker's `image_request.`-prefixed paths to the same controls", () => {
    const bare = issuesFrom(() => validateImageRequest(everythingWrong));
    const enveloped = issuesFrom(() => validateGenerateRequest({ image_request: everythingWrong }));
    expect(enveloped.every((issue) => issue.path[0] === "image_request")).toBe(true);
    expect(enveloped.map((issue) => fieldForIssue(issue.path, labels))).toEqual(
      bare.map((issue) => fieldForIssue(issue.path, labels)),
    );
  });

  it("uses the field name as the control id for each top-level field", () => {
    for (const field of FORM_FIELDS) {
      expect(fieldForIssue([field], labels)).toBe(field);
      expect(fieldForIssue(["image_request", field], labels)).toBe(field);
    }
  });

  it("sends palette issues to the preset, the member row input, or the palette as a whole", () => {
    expect(fieldForIssue(["color_palette", "name"], labels)).toBe(PRESET_FIELD_ID);
    expect(fieldForIssue(["color_palette", "members", 3, "color_hex"], labels)).toBe("palette-3-hex");
    expect(fieldForIssue(["color_palette", "members", 3, "color_weight"], labels)).toBe("palette-3-weight");
    expect(fieldForIssue(["color_palette", "members", 3], labels)).toBe("palette-3-hex");
    expect(fieldForIssue(["color_palette", "members"], labels)).toBe("color_palette");
    expect(fieldForIssue(["color_palette"], labels)).toBe("color_palette");
  });

  it("leaves issues about fields the form lacks, or the request as a whole, to the banner", () => {
    expect(fieldForIssue(["style_reference_images"], labels)).toBeUndefined();
    expect(fieldForIssue(["image_request", "aspect_ratioo"], labels)).toBeUndefined();
    expect(fieldForIssue(["image_request"], labels)).toBeUndefined();
    expect(fieldForIssue([], labels)).toBeUndefined();
  });
});

describe("errorSlotId and fieldMessage", () => {
  it("gives each control its own error element, and each palette row one shared by its inputs", () => {
    expect(errorSlotId("seed")).toBe("seed-error");
    expect(errorSlotId(memberHexId(2))).toBe("palette-2-error");
    expect(errorSlotId(memberWeightId(2))).toBe("palette-2-error");
  });

  it("turns core's message into a sentence, naming the input in a palette row's shared slot", () => {
    expect(fieldMessage("seed", "must be an integer")).toBe("Must be an integer.");
    expect(fieldMessage("prompt", "is required.")).toBe("Is required.");
    expect(fieldMessage(memberHexId(0), 'must be "#rgb"')).toBe('Colour must be "#rgb".');
    expect(fieldMessage(memberWeightId(0), "is too big")).toBe("Weight is too big.");
  });
});

describe("parseIssuePath", () => {
  it("reads text paths as the worker or a log might print them", () => {
    expect(parseIssuePath("image_request.color_palette.members[10].color_hex")).toEqual([
      "image_request",
      "color_palette",
      "members",
      10,
      "color_hex",
    ]);
    expect(parseIssuePath("image_request.seed")).toEqual(["image_request", "seed"]);
  });

  it("keeps array paths, and reads anything else as the root", () => {
    expect(parseIssuePath(["image_request", "color_palette", "members", 0])).toEqual([
      "image_request",
      "color_palette",
      "members",
      0,
    ]);
    expect(parseIssuePath(undefined)).toEqual([]);
    expect(parseIssuePath({ seed: 1 })).toEqual([]);
  });
});

describe("issuesOf", () => {
  it("returns core's issues from a RequestValidationError", () => {
    const error = new RequestValidationError([{ path: ["seed"], code: "too_big", message: "too big" }]);
    expect(issuesOf(error)).toEqual(error.issues);
  });

  it("reads the worker's 400 body into issues whose paths map to controls", () => {
    const error = errorFromResponse({
      status: 400,
      headers: { "content-type": "application/json" },
      body: {
        error: {
          type: "invalid_request",
          message: "The request does not match the generate contract.",
          issues: [
            { path: ["image_request", "seed"], message: "must be an integer from 0 to 2147483647, got -1" },
            {
              path: "image_request.color_palette.members[1].color_hex",
              message: 'must be "#rgb" or "#rrggbb"',
            },
          ],
        },
      },
    });
    const issues = issuesOf(error);
    expect(issues?.map((issue) => fieldForIssue(issue.path, labels))).toEqual(["seed", memberHexId(1)]);
    expect(issues?.[0]?.message).toBe("must be an integer from 0 to 2147483647, got -1");
  });

  it("has nothing for other errors, which go to the banner", () => {
    expect(issuesOf(errorFromResponse({ status: 400, body: { detail: "Bad request" } }))).toBeUndefined();
    expect(
      issuesOf(
        errorFromResponse({ status: 502, body: { error: { issues: [{ path: ["seed"], message: "x" }] } } }),
      ),
    ).toBeUndefined();
    expect(issuesOf(new APIError({ status: 400, body: "not json" }))).toBeUndefined();
    expect(issuesOf(new TypeError("Failed to fetch"))).toBeUndefined();
  });
});
