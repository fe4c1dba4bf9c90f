import { APIUserAbortError, Ideogram, type ImageRequest } from "@ideokit/browser";
import { validateImageRequest } from "@ideokit/core";
import { describeError, describeIssues } from "./describe-error.ts";
import { hideBanner, showBanner } from "./dom/banner.ts";
import { startBusy } from "./dom/busy.ts";
import { byId } from "./dom/element.ts";
import { clearFieldErrors, showFieldErrors } from "./dom/field-errors.ts";
import { readForm, setupForm } from "./dom/form.ts";
import { galleryContents, restoreGallery, showImages, showPlaceholders } from "./dom/gallery.ts";
import { setupSnippetPanel } from "./dom/snippet-panel.ts";
import { expectedAspectRatio } from "./expected-shape.ts";
import { toRequestDraft } from "./form-values.ts";
import { issuesOf } from "./issue-fields.ts";

const form = byId<HTMLFormElement>("generate-form");
const status = byId("status");
const token = byId<HTMLInputElement>("token");
let busy = false;
// After a rejected submit, errors follow the input live until the request is valid again.
let revalidate = false;

setupForm();
const snippets = setupSnippetPanel(() => ({
  draft: toRequestDraft(readForm()),
  target: { origin: location.origin, withToken: token.value !== "" },
}));

/** Shows an error inline where a field explains it, else in the banner. */
function showError(error: unknown, { focus }: { focus: boolean }): void {
  const issues = issuesOf(error);
  if (issues === undefined) {
    clearFieldErrors();
    showBanner(describeError(error));
    return;
  }
  const unplaced = showFieldErrors(issues, { focus });
  if (unplaced.length > 0) showBanner(describeIssues(unplaced));
  else hideBanner();
}

/** Core's verdict on the form's request: the request to send, or undefined after showing why not. */
function validForm({ focus }: { focus: boolean }): ImageRequest | undefined {
  try {
    const request = validateImageRequest(toRequestDraft(readForm()));
    clearFieldErrors();
    hideBanner();
    return request;
  } catch (error) {
    showError(error, { focus });
    return undefined;
  }
}

function useSeed(seed: number): void {
  const input = byId<HTMLInputElement>("seed");
  input.value = String(seed);
  input.focus();
  snippets.refresh();
}

async function generate(): Promise<void> {
  const request = validForm({ focus: true });
  revalidate = request === undefined;
  if (request === undefined) {
    status.textContent = "Fix the highlighted fields, then generate again.";
    return;
  }
  busy = true;
  const controller = new AbortController();
  const stopBusy = startBusy(controller);
  const previous = galleryContents();
  const started = performance.now();
  status.textContent = "Generating…";
  showPlaceholders(request.num_images ?? 1, expectedAspectRatio(request));
  try {
    const client = new Ideogram(token.value === "" ? {} : { token: token.value });
    const response = await client.generate(request, { signal: controller.signal });
    showImages(response, useSeed);
    // On a phone the results sit below the form, out of sight: bring them up.
    const results = byId("results");
    if (results.getBoundingClientRect().top > innerHeight) results.scrollIntoView({ block: "start" });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const count = response.data.length;
    status.textContent = `Generated ${count} ${count === 1 ? "image" : "images"} in ${seconds} s.`;
  } catch (error) {
    restoreGallery(previous);
    if (error instanceof APIUserAbortError) {
      status.textContent = "Cancelled.";
    } else {
      status.textContent = "";
      showError(error, { focus: false });
    }
  } finally {
    stopBusy();
    busy = false;
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  if (!busy) void generate();
});
form.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    form.requestSubmit();
  }
});
const onEdit = () => {
  snippets.refresh();
  if (revalidate) revalidate = validForm({ focus: false }) === undefined;
};
form.addEventListener("input", onEdit);
form.addEventListener("change", onEdit);
