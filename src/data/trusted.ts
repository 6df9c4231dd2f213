/**
 * The widget's one Trusted Types policy, `akhbar`.
 *
 * `DOMParser.parseFromString` is a Trusted Types sink even for inert documents, so on a page
 * with `require-trusted-types-for 'script'` parsing a feed needs a TrustedHTML. The policy
 * passes strings through: its only callers either parse into a detached document (data/),
 * which never runs script or loads anything, or hand over markup they have already sanitized
 * (render/html.ts). A second `createPolicy('akhbar')` would be refused by such a page, so
 * every part of the widget must get the policy from here.
 */

interface Policy {
  createHTML(input: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createHTML(input: string): string }): Policy;
}

let policy: Policy | null | undefined;

/** `html` as TrustedHTML where the browser has Trusted Types, else unchanged. */
export function trustedHTML(html: string): string {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
    try {
      policy = factory ? factory.createPolicy('akhbar', { createHTML: (input) => input }) : null;
    } catch {
      // Refused by the page's CSP: plain strings then fail at the sink, as the page asked.
      policy = null;
    }
  }
  // Typed as string so it can go to DOM APIs whose TypeScript signatures predate TrustedHTML.
  return (policy ? policy.createHTML(html) : html) as string;
}
