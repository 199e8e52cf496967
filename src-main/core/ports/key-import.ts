/** Reading a PEM public key or certificate, which needs an ASN.1 parser: `app/` backs it with Node. */
export interface PemKeyReader {
  /**
   * The public JWK of a PEM `PUBLIC KEY`, `RSA PUBLIC KEY` or `CERTIFICATE`.
   * @throws Error with a message saying why the PEM could not be read
   */
  publicJwkFromPem(pem: string): Record<string, unknown>;
}
