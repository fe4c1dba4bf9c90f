// Core directly, not through @ideokit/browser's re-exports: the client (run.ts) is a chunk of its
// own, which it could not be if this script reached the browser package's modules.
import { APIUserAbortError, OPERATIONS, RequestValidationError, type TableOperation } from "@ideokit/core";
import { describeError, describeIssues } from "./describe-error.ts";
import { hideBanner, showBanner } from "./dom/banner.ts";
import { type Busy, startBusy } from "./dom/busy.ts";
import { byId } from "./dom/element.ts";
import { clearFieldErrors, showFieldErrors } from "./dom/field-errors.ts";
import { galleryContents, restoreGallery, showPlaceholders } from "./dom/gallery.ts";
import { chosenFiles, pastedImages, setFiles } from "./dom/image-input.ts";
import { type OperationForm, renderOperationForm } from "./dom/operation-form.ts";
import { setupPalette } from "./dom/palette.ts";
import { setupSnippetPanel } from "./dom/snippet-panel.ts";
import { type RequestDraft, toRequestDraft } from "./form-values.ts";
import { issuesOf } from "./issue-fields.ts";
import { operationLabel, takesImages } from "./operation-fields.ts";

const operations = OPERATIONS as readonly TableOperation[];
const form = byId<HTMLFormElement>("generate-form");
const picker = byId<HTMLSelectElement>("operation");
const status = byId("status");
const token = byId<HTMLInputElement>("token");
const runLabel = byId("generate-label");
let busy = false;
// After a rejected submit, errors follow the input live until the request is valid again.
let revalidate = false;

// An image goes into the first file field that takes images and is not a mask.
const imageFieldOf = (operation: TableOperation) =>
  operation.fieldNames.find(
    (name) =>
      operation.fields[name]?.kind === "file" &&
      operation.fields[name]?.file?.sameSizeAs === undefined &&
      takesImages(operation.fields[name]),
  );
// A paste with no image field focused needs one obvious target: the first image field, else an
// operation's only image list (edit images); with several lists (3.0 references) focus picks one.
const pasteTargetOf = (operation: TableOperation) => {
  const single = imageFieldOf(operation);
  if (single !== undefined) return single;
  const lists = operation.fieldNames.filter(
    (name) => operation.fields[name]?.kind === "file-list" && takesImages(operation.fields[name]),
  );
  return lists.length === 1 ? lists[0] : undefined;
};
const imageTargets = operations
  .filter((operation) => imageFieldOf(operation) !== undefined)
  .map((operation) => [operation.id, operationLabel(operation.id)] as const);

for (const operation of operations) {
  picker.append(new Option(operationLabel(operation.id), operation.id));
}
const initial = new URLSearchParams(location.hash.slice(1)).get("op");
if (initial !== null && operations.some((operation) => operation.id === initial)) picker.value = initial;

let current: OperationForm = selectOperation(picker.value);

// The client and the answer views (run.ts) wait for the first interaction with the form; a run awaits
// them. A failed load is forgotten, so the next run tries again.
let runner: Promise<typeof import("./run.ts")> | undefined;
const loadRunner = () =>
  (runner ??= import("./run.ts").catch((error: unknown) => {
    runner = undefined;
    throw error;
  }));
const warmUp = () => void loadRunner().catch(() => undefined);
form.addEventListener("focusin", warmUp, { once: true });
form.addEventListener("pointerdown", warmUp, { once: true });

function selectOperation(id: string): OperationForm {
  const operation = operations.find((candidate) => candidate.id === id) ?? (operations[0] as TableOperation);
  const rendered = renderOperationForm(operation);
  byId("operation-summary").textContent = operation.summary;
  runLabel.textContent = "Run";
  clearFieldErrors();
  hideBanner();
  revalidate = false;
  status.textContent = "";
  return rendered;
}

function draft(): RequestDraft {
  return toRequestDraft(current.controls, current.read());
}

setupPalette();
const snippets = setupSnippetPanel(() => ({
  operation: {
    id: current.operation.id,
    path: current.operation.path,
    ...(current.operation.envelope === undefined ? {} : { envelope: current.operation.envelope }),
    multipart: current.operation.fileRules.length > 0,
  },
  draft: draft(),
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
  const unplaced = showFieldErrors(issues, current.labels, { focus });
  if (unplaced.length > 0) showBanner(describeIssues(unplaced, current.labels));
  else hideBanner();
}

/** Core's verdict on the form's input (fields, then the files' bytes): the input to send, or undefined after showing why not. */
async function validForm({ focus }: { focus: boolean }): Promise<RequestDraft | undefined> {
  const input = draft();
  const result = current.operation.check(input);
  const issues = result.success ? await current.operation.checkFiles(input) : result.issues;
  if (issues.length === 0) {
    clearFieldErrors();
    hideBanner();
    if (status.dataset.stale === "true") {
      status.textContent = "";
      delete status.dataset.stale;
    }
    return input;
  }
  showError(new RequestValidationError([...issues]), { focus });
  return undefined;
}

function useSeed(seed: number): void {
  const input = document.querySelector<HTMLInputElement>("#seed");
  if (input === null) return;
  input.value = String(seed);
  input.focus();
  snippets.refresh();
}

async function useImage(url: string, operationId: string): Promise<void> {
  const operation = operations.find((candidate) => candidate.id === operationId);
  const field = operation === undefined ? undefined : imageFieldOf(operation);
  if (field === undefined) return;
  status.textContent = "Fetching the image…";
  try {
    const { fetchImage } = await loadRunner();
    const image = await fetchImage(url);
    picker.value = operationId;
    chosenFiles.set(field, [image]);
    current = selectOperation(operationId);
    snippets.refresh();
    status.textContent = `The image is in “${operationLabel(operationId)}”.`;
    form.scrollIntoView({ block: "start" });
  } catch (error) {
    status.textContent = "";
    showError(error, { focus: false });
  }
}

async function run(): Promise<void> {
  const input = await validForm({ focus: true });
  revalidate = input === undefined;
  if (input === undefined) {
    status.textContent = "Fix the highlighted fields, then run again.";
    status.dataset.stale = "true";
    return;
  }
  busy = true;
  const controller = new AbortController();
  const busyState: Busy = startBusy(controller, "Run");
  const previous = galleryContents();
  const started = performance.now();
  const operation = current.operation;
  status.textContent = "Running…";
  const count = typeof input.num_images === "number" ? input.num_images : 1;
  showPlaceholders(count);
  try {
    const { callOperation, showAnswer } = await loadRunner();
    const answer = await callOperation(operation.id, input, {
      token: token.value,
      signal: controller.signal,
      onWait: (message) => {
        busyState.waiting(message);
        status.textContent = message === undefined ? "Running…" : `${message}…`;
      },
    });
    const shown = showAnswer(answer, {
      onUseSeed: useSeed,
      targets: imageTargets,
      onUseImage: (url, id) => void useImage(url, id),
    });
    // On a phone the results sit below the form, out of sight: bring them up.
    const results = byId("results");
    if (results.getBoundingClientRect().top > innerHeight) results.scrollIntoView({ block: "start" });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    status.textContent = `${operationLabel(operation.id)}: ${shown} ${shown === 1 ? "result" : "results"} in ${seconds} s.`;
  } catch (error) {
    const cancelled = controller.signal.aborted || error instanceof APIUserAbortError;
    restoreGallery(previous, { failed: !cancelled });
    if (cancelled) {
      status.textContent = "Cancelled.";
    } else {
      status.textContent = previous.length > 0 ? "The call failed; the results shown are from before." : "";
      showError(error, { focus: false });
    }
  } finally {
    busyState.stop();
    busy = false;
  }
}

picker.addEventListener("change", () => {
  current = selectOperation(picker.value);
  history.replaceState(null, "", `#op=${encodeURIComponent(picker.value)}`);
  snippets.refresh();
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  if (!busy) void run();
});
form.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    form.requestSubmit();
  }
});
const onEdit = () => {
  snippets.refresh();
  if (revalidate) void validForm({ focus: false }).then((input) => (revalidate = input === undefined));
};
form.addEventListener("input", onEdit);
form.addEventListener("change", onEdit);
form.addEventListener("files-changed", (event) => {
  current.refreshFiles((event as CustomEvent<string>).detail);
  onEdit();
});
// A paste anywhere goes to the focused image field, else to the operation's paste target. An image
// list keeps what it holds and takes every pasted image; core's count check speaks past its limit.
document.addEventListener("paste", (event) => {
  const images = pastedImages(event);
  if (images.length === 0) return;
  const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>("[data-files]");
  const zone =
    focused?.dataset.files !== undefined && takesImages(current.operation.fields[focused.dataset.files])
      ? focused
      : undefined;
  const name = zone?.dataset.files ?? pasteTargetOf(current.operation);
  if (name === undefined) return;
  event.preventDefault();
  const list = current.operation.fields[name]?.kind === "file-list";
  setFiles(name, list ? [...(chosenFiles.get(name) ?? []), ...images] : images.slice(0, 1), zone ?? form);
});
