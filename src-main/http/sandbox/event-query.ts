/**
 * Reads the sandbox event filters from a query string: `serverId`, `clientId`, `userId`,
 * `endpoint`, `jti`, `outcome`, `after`, `limit`. A bad value is a 400 E0000001 naming the parameter,
 * never a silent default: a developer asking for `limit=500` should learn the cap is 200.
 */
import { EVENT_ENDPOINTS } from '../../contracts/events.js';
import { DEFAULT_EVENT_LIMIT, MAX_EVENT_LIMIT } from '../../core/protocol/event-log.js';
import type { EventCriteria } from '../../core/protocol/event-log.js';
import type { EventFilter } from '../../core/ports/events.js';
import { OktaHttpError } from '../okta-errors.js';

const TEXT_FILTERS = ['serverId', 'clientId', 'userId', 'endpoint', 'jti'] as const;
const ENDPOINTS: readonly string[] = EVENT_ENDPOINTS;
const MAX_TEXT = 256;
/** `evt` + [0-9A-Za-z], as `Crypto.randomId('evt')` makes them. */
const EVENT_ID = /^evt[0-9A-Za-z]{1,61}$/;

function invalid(field: string, message: string): OktaHttpError {
  return new OktaHttpError('E0000001', field, [{ field, message }]);
}

/** One value of `name`, or undefined when absent or empty; repeating a parameter is an error. */
function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw invalid(name, 'must be given once');
  return value;
}

/** An event id used as a resume point (`after`, `Last-Event-ID`). */
export function readEventId(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (!EVENT_ID.test(value)) throw invalid(field, 'must be an event id (evt…)');
  return value;
}

/** The filters that narrow which events are listed or streamed. */
export function readCriteria(query: Record<string, unknown>): EventCriteria {
  const criteria: EventCriteria = {};
  for (const name of TEXT_FILTERS) {
    const value = single(query, name);
    if (value === undefined) continue;
    if (value.length > MAX_TEXT) throw invalid(name, `must be at most ${MAX_TEXT} characters`);
    criteria[name] = value;
  }
  // A mistyped endpoint would list nothing, silently: name the ones that record events instead.
  if (criteria.endpoint !== undefined && !ENDPOINTS.includes(criteria.endpoint))
    throw invalid('endpoint', `must be one of ${EVENT_ENDPOINTS.join(', ')}`);
  const outcome = single(query, 'outcome');
  if (outcome !== undefined) {
    if (outcome !== 'success' && outcome !== 'failure') throw invalid('outcome', "must be 'success' or 'failure'");
    criteria.outcome = outcome;
  }
  return criteria;
}

/** The filters plus `after` and `limit` (1–200, default 50) of a list request. */
export function readEventFilter(query: Record<string, unknown>): EventFilter {
  const filter: EventFilter = { ...readCriteria(query), limit: DEFAULT_EVENT_LIMIT };
  const after = readEventId(single(query, 'after'), 'after');
  if (after !== undefined) filter.after = after;
  const limit = single(query, 'limit');
  if (limit !== undefined) {
    const parsed = /^\d+$/.test(limit) ? Number(limit) : NaN;
    if (!(parsed >= 1 && parsed <= MAX_EVENT_LIMIT))
      throw invalid('limit', `must be a whole number from 1 to ${MAX_EVENT_LIMIT}`);
    filter.limit = parsed;
  }
  return filter;
}

/** `reveal=true` on one event: its issued JWTs whole. */
export function readReveal(query: Record<string, unknown>): boolean {
  const reveal = single(query, 'reveal');
  if (reveal !== undefined && reveal !== 'true' && reveal !== 'false')
    throw invalid('reveal', "must be 'true' or 'false'");
  return reveal === 'true';
}
