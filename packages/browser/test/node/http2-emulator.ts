import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createSecureServer, type Http2SecureServer } from "node:http2";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getRequestListener } from "@hono/node-server";
import { createEmulator, type EmulatorOptions } from "@ideokit/testing";
import type { RunningEmulator } from "@ideokit/testing/node";

// Chromium streams a request body (what ky's onUploadProgress needs) over HTTP/2 or later only,
// and speaks HTTP/2 only over TLS: so the upload-progress tests get an emulator on a throwaway
// self-signed certificate, which the test browser is told to accept (--ignore-certificate-errors).
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), "ideokit-h2-"));
  try {
    const key = join(dir, "key.pem");
    const cert = join(dir, "cert.pem");
    execFileSync(
      "openssl",
      [
        ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
        ...["-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"],
        ...["-addext", "subjectAltName=IP:127.0.0.1"],
      ],
      { stdio: "ignore" },
    );
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An emulator served over HTTPS with HTTP/2 (HTTP/1.1 allowed too) on loopback. */
export async function startHttp2Emulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const emulator = createEmulator(options);
  const server: Http2SecureServer = createSecureServer(
    { ...selfSignedCertificate(), allowHTTP1: true },
    getRequestListener((request) => emulator.app.fetch(request), { overrideGlobalObjects: false }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    ...emulator,
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
