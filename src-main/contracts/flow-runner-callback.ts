/**
 * The Flow Runner's callback page, apart from the runs' schemas (`flow-run.ts` re-exports it): the
 * page is a route of every start, the schemas are built only when the Flow Runner is.
 */

/** The path of the callback page Authbox serves for the runner; the redirect URI is `<origin>` + this. */
export const FLOW_RUNNER_CALLBACK_PATH = '/flow-runner/callback';

/** The `type` of the message the callback page posts, and the localStorage key it leaves it under. */
export const FLOW_RUNNER_CALLBACK_MESSAGE = 'authbox-flow-runner-callback';
