/** A flag value as a number when it reads as one, else the raw text so core's validation can name the problem. */
export function numericFlag(value: string): number | string {
  const number = Number(value);
  return value.trim() !== "" && Number.isFinite(number) ? number : value;
}
