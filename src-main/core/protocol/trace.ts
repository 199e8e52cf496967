/** The decision trace is a wire shape the renderer reads too, so it lives in contracts. */
export type * from '../../contracts/trace.js';
