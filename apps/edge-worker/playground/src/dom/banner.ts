import type { ErrorNotice } from "../describe-error.ts";
import { byId, h } from "./element.ts";

/** Shows an error that belongs to no single field at the top of the form. */
export function showBanner({ title, message, requestId }: ErrorNotice): void {
  const banner = byId("banner");
  banner.replaceChildren(
    h("strong", { class: "banner-title" }, title),
    h("span", { class: "banner-message" }, message),
    ...(requestId === undefined ? [] : [h("small", {}, `Request id ${requestId}`)]),
  );
  banner.hidden = false;
}

/** Hides the error banner. */
export function hideBanner(): void {
  const banner = byId("banner");
  banner.hidden = true;
  banner.replaceChildren();
}
