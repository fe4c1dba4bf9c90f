import type { RequestDraft } from "../form-values.ts";
import {
  browserSnippet,
  curlSnippet,
  nodeSnippet,
  type SnippetOperation,
  type SnippetTarget,
} from "../snippets.ts";
import { byId } from "./element.ts";

type SnippetKind = "curl" | "browser" | "node";

const RENDERERS: Record<SnippetKind, typeof curlSnippet> = {
  curl: curlSnippet,
  browser: browserSnippet,
  node: nodeSnippet,
};

/** The panel that shows the current request as curl or client code, and copies it. */
export interface SnippetPanel {
  /** Re-renders the preview for the form's current request. */
  refresh(): void;
}

function selectedKind(): SnippetKind {
  return (document.querySelector<HTMLInputElement>('input[name="snippet"]:checked')?.value ??
    "curl") as SnippetKind;
}

function select(kind: SnippetKind): void {
  const radio = document.querySelector<HTMLInputElement>(`input[name="snippet"][value="${kind}"]`);
  if (radio !== null) radio.checked = true;
}

/** Wires the snippet tabs and the two copy buttons to the request the form describes. */
export function setupSnippetPanel(
  currentRequest: () => { operation: SnippetOperation; draft: RequestDraft; target: SnippetTarget },
): SnippetPanel {
  const code = byId("snippet");
  const status = byId("copy-status");
  let lastCode: SnippetKind = "browser";

  const render = (kind: SnippetKind): string => {
    const { operation, draft, target } = currentRequest();
    return RENDERERS[kind](operation, draft, target);
  };
  const refresh = () => {
    code.textContent = render(selectedKind());
  };
  const copy = async (kind: SnippetKind, what: string) => {
    select(kind);
    refresh();
    try {
      await navigator.clipboard.writeText(code.textContent ?? "");
      status.textContent = `Copied ${what}.`;
    } catch {
      // No clipboard (insecure origin, or permission refused): select it for a manual copy instead.
      getSelection()?.selectAllChildren(code);
      status.textContent = `Press Ctrl+C to copy the selected ${what}.`;
    }
  };

  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="snippet"]')) {
    radio.addEventListener("change", () => {
      const kind = selectedKind();
      if (kind !== "curl") lastCode = kind;
      status.textContent = "";
      refresh();
    });
  }
  byId("copy-curl").addEventListener("click", () => copy("curl", "curl command"));
  byId("copy-code").addEventListener("click", () => copy(lastCode, "code"));
  refresh();
  return { refresh };
}
