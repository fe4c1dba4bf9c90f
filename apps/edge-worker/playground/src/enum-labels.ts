/** "RENDER_3D" → "Render 3D": an upper-snake enum value as words a person reads. */
export function titleCase(value: string): string {
  return (
    value
      .split("_")
      // "3D" stays as is: only words that start with a letter are lower-cased after it.
      .map((word) => (/^\d/.test(word) ? word : word.charAt(0) + word.slice(1).toLowerCase()))
      .join(" ")
  );
}

/** "ASPECT_16_9" → "16:9". */
export function aspectRatioLabel(value: string): string {
  return value.replace(/^ASPECT_/, "").replace("_", ":");
}

/** "RESOLUTION_1024_1024" → "1024 × 1024". */
export function resolutionLabel(value: string): string {
  return value.replace(/^RESOLUTION_/, "").replace("_", " × ");
}

/** "V_2A_TURBO" → "V2A Turbo", "AUTO" → "Auto". */
export function modelLabel(value: string): string {
  const version = /^V_(\w+?)(_TURBO)?$/.exec(value);
  if (version === null) return titleCase(value);
  return `V${version[1]}${version[2] === undefined ? "" : " Turbo"}`;
}
