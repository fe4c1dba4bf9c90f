import { errorSlotId, type FieldLabels, fieldForIssue, fieldMessage, type Issue } from "../issue-fields.ts";

/** Forgets every inline error. */
export function clearFieldErrors(): void {
  for (const control of document.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
  for (const slot of document.querySelectorAll(".field-error")) slot.textContent = "";
}

/**
 * Shows each issue under the control it concerns (marking the control invalid) and returns the
 * issues no control holds, for the banner. `focus` moves the caret to the first invalid control.
 */
export function showFieldErrors(
  issues: readonly Issue[],
  labels: FieldLabels,
  { focus }: { focus: boolean },
): Issue[] {
  clearFieldErrors();
  const unplaced: Issue[] = [];
  const invalid: HTMLElement[] = [];
  for (const issue of issues) {
    const id = fieldForIssue(issue.path, labels);
    const control = id === undefined ? null : document.getElementById(id);
    const slot = id === undefined ? null : document.getElementById(errorSlotId(id));
    if (id === undefined || control === null || slot === null) {
      unplaced.push(issue);
      continue;
    }
    control.setAttribute("aria-invalid", "true");
    invalid.push(control);
    const message = fieldMessage(id, issue.message, labels);
    slot.textContent = slot.textContent === "" ? message : `${slot.textContent}\n${message}`;
  }
  if (focus) firstInDocument(invalid)?.focus();
  return unplaced;
}

function firstInDocument(elements: HTMLElement[]): HTMLElement | undefined {
  const [first] = elements.sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
  // A fieldset cannot take focus; its first control can.
  return first instanceof HTMLFieldSetElement
    ? (first.querySelector<HTMLElement>("input:checked, input, select") ?? undefined)
    : first;
}
