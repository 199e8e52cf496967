/** Okta `_links` entries: absolute hrefs with the verbs they allow (Okta "Design principles"). */
export interface OktaLink {
  href: string;
  name?: string;
  hints?: { allow: string[] };
}
