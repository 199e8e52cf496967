/** Okta `_links` entries: absolute hrefs with the verbs they allow (reference §1.1). */
export interface OktaLink {
  href: string;
  name?: string;
  hints?: { allow: string[] };
}
