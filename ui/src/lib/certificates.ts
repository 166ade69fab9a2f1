import type { Certificates } from "./bindings";

/** No client certificate, no expected certificate. */
export function noCertificates(): Certificates {
  return { ca: "", client_cert: "", client_key: "", password: "", expect_cert: "" };
}

/** Whether any certificate file (a CA included) is named. */
export function anyCertificate(certificates: Certificates): boolean {
  return [certificates.ca, certificates.client_cert, certificates.expect_cert].some((path) => path.trim() !== "");
}
