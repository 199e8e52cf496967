/** Where a piece of server data is in its life: not asked for, on its way, here, or failed. */
import type { ApiError } from '../api/api-error.js';

export type LoadState =
  { status: 'idle' } | { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: ApiError };

export const IDLE: LoadState = { status: 'idle' };
export const LOADING: LoadState = { status: 'loading' };
export const READY: LoadState = { status: 'ready' };

/** Outcome of a user action (save, activate, rotate): the UI shows the error next to the control. */
export type ActionOutcome = { ok: true } | { ok: false; error: ApiError };
