/** The client token the page holds (the emulator stands in for the edge worker that accepts it). */
export const BROWSER_TOKEN = "ct-browser-page-2c91d7";
