import type { Certificates } from "./bindings";

/** No client certificate, no expected certificate. */
export function noCertificates(): Certificates {
  return { ca: "", client_cert: "", client_key: "", password: "", expect_cert: "" };
}
