/** The token lifetimes type, at the path the store's repositories import it from; it lives in `policy/decision.ts`. */
export type { Lifetimes } from './policy/decision.js';
