import { h } from "./element.ts";

/** Fills a select with enum values from core, their labels, and an optional first "default" choice. */
export function fillSelect(
  select: HTMLSelectElement,
  values: readonly string[],
  label: (value: string) => string,
  defaultLabel?: string,
): void {
  const options = values.map((value) => h("option", { value }, label(value)));
  if (defaultLabel !== undefined) options.unshift(h("option", { value: "" }, defaultLabel));
  select.replaceChildren(...options);
}
