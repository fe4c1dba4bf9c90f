// What test/browser/global-setup.ts provides to the Chromium tests.
declare module "vitest" {
  export interface ProvidedContext {
    emulatorURL: string;
  }
}

export {};
