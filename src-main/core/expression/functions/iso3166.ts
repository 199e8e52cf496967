/**
 * A built-in subset of ISO 3166-1 for `Iso3166Convert.*`: the countries a sandbox's test users are
 * likely to have. Names are Java's English display names (`Locale.getDisplayCountry`), as Okta's
 * JVM would print them. A code of any form (alpha-2, alpha-3, numeric) is accepted, case-insensitive.
 */

export interface Country {
  alpha2: string;
  alpha3: string;
  /** Three digits, zero-padded ("036"). */
  numeric: string;
  name: string;
}

const TABLE: readonly (readonly [string, string, string, string])[] = [
  ['AR', 'ARG', '032', 'Argentina'],
  ['AT', 'AUT', '040', 'Austria'],
  ['AU', 'AUS', '036', 'Australia'],
  ['BE', 'BEL', '056', 'Belgium'],
  ['BR', 'BRA', '076', 'Brazil'],
  ['CA', 'CAN', '124', 'Canada'],
  ['CH', 'CHE', '756', 'Switzerland'],
  ['CN', 'CHN', '156', 'China'],
  ['DE', 'DEU', '276', 'Germany'],
  ['DK', 'DNK', '208', 'Denmark'],
  ['ES', 'ESP', '724', 'Spain'],
  ['FI', 'FIN', '246', 'Finland'],
  ['FR', 'FRA', '250', 'France'],
  ['GB', 'GBR', '826', 'United Kingdom'],
  ['IE', 'IRL', '372', 'Ireland'],
  ['IL', 'ISR', '376', 'Israel'],
  ['IN', 'IND', '356', 'India'],
  ['IT', 'ITA', '380', 'Italy'],
  ['JP', 'JPN', '392', 'Japan'],
  ['KR', 'KOR', '410', 'South Korea'],
  ['MX', 'MEX', '484', 'Mexico'],
  ['NL', 'NLD', '528', 'Netherlands'],
  ['NO', 'NOR', '578', 'Norway'],
  ['NZ', 'NZL', '554', 'New Zealand'],
  ['PL', 'POL', '616', 'Poland'],
  ['PT', 'PRT', '620', 'Portugal'],
  ['SE', 'SWE', '752', 'Sweden'],
  ['SG', 'SGP', '702', 'Singapore'],
  ['US', 'USA', '840', 'United States'],
  ['ZA', 'ZAF', '710', 'South Africa'],
];

const BY_CODE: ReadonlyMap<string, Country> = new Map(
  TABLE.flatMap(([alpha2, alpha3, numeric, name]) => {
    const country = { alpha2, alpha3, numeric, name };
    return [alpha2, alpha3, numeric].map((code) => [code, country] as const);
  }),
);

/** The country with this code (`"us"`, `"USA"`, `"840"`, `"36"`), or undefined. */
export function countryOf(code: string): Country | undefined {
  const key = code.trim().toUpperCase();
  return BY_CODE.get(/^\d{1,3}$/.test(key) ? key.padStart(3, '0') : key);
}
