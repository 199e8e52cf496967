/**
 * `Convert.toInt`, `Convert.toNum` and `Iso3166Convert.*` (Okta "Expression Language overview"). Null gives null.
 * `toInt` rounds half up like Java's Math.round (123.6 → 124, -2.5 → -2) and must fit a Java int;
 * a string is read as a decimal number first ("41" → 41, "41.5" → 42). Text that is not a number
 * is EL_ARGUMENT. An unknown country code gives null, so a claim built from it is left out.
 */
import { countryOf } from './iso3166.js';
import type { Country } from './iso3166.js';
import { fn, textOrNumber, wrongType } from './call.js';
import type { Call, FunctionSpec } from './call.js';
import type { Value } from '../values.js';

const DECIMAL = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

function toNumber(call: Call, args: readonly Value[]): number | null {
  const value = args[0] ?? null;
  if (value === null || typeof value === 'number') return value;
  if (typeof value !== 'string') return wrongType(call, args, 0, 'a number or a string');
  call.tick(value.length);
  const number = DECIMAL.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(number))
    call.fail('EL_ARGUMENT', `${call.name} cannot read ${JSON.stringify(value.slice(0, 40))} as a number`, 0);
  return number;
}

/** `Convert.*` by name. */
export const CONVERT_FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  toInt: fn(1, 1, (args, call) => {
    const number = toNumber(call, args);
    if (number === null) return null;
    const rounded = Math.floor(number + 0.5);
    if (rounded < INT_MIN || rounded > INT_MAX)
      call.fail('EL_ARGUMENT', `${call.name}: ${number} does not fit a 32-bit integer`, 0);
    return rounded === 0 ? 0 : rounded;
  }),
  toNum: fn(1, 1, (args, call) => toNumber(call, args)),
};

function convertTo(field: keyof Country): FunctionSpec {
  return fn(1, 1, (args, call) => {
    const code = textOrNumber(call, args, 0);
    return code === null ? null : (countryOf(code)?.[field] ?? null);
  });
}

/** `Iso3166Convert.*` by name. */
export const ISO3166_FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  toAlpha2: convertTo('alpha2'),
  toAlpha3: convertTo('alpha3'),
  toNumeric: convertTo('numeric'),
  toName: convertTo('name'),
};
