// A small, consistent pool of places for hierarchical attributes: each city
// lies in one state (or province), each state in one country, each city has
// a few postcodes and a centre for coordinates. Drawing country, state, city
// and postcode from one place keeps a record consistent and makes equality
// patterns on any prefix of the hierarchy hit.

export interface Place {
  /** ISO 3166-1 alpha-2 code, as in the Starbucks locations data set. */
  country: string;
  state: string;
  city: string;
  postcodes: readonly string[];
  latitude: number;
  longitude: number;
}

/** Telephone country calling codes of the countries in PLACES. */
export const DIAL_CODES: Readonly<Record<string, string>> = { US: '+1', CA: '+1', GB: '+44', DE: '+49', BR: '+55', PT: '+351', JP: '+81' };

export const PLACES: readonly Place[] = [
  { country: 'US', state: 'WA', city: 'Seattle', postcodes: ['98101', '98104', '98109'], latitude: 47.6062, longitude: -122.3321 },
  { country: 'US', state: 'WA', city: 'Spokane', postcodes: ['99201', '99205'], latitude: 47.6588, longitude: -117.426 },
  { country: 'US', state: 'CA', city: 'San Francisco', postcodes: ['94103', '94110', '94117'], latitude: 37.7749, longitude: -122.4194 },
  { country: 'US', state: 'CA', city: 'Los Angeles', postcodes: ['90012', '90026', '90036'], latitude: 34.0522, longitude: -118.2437 },
  { country: 'US', state: 'NY', city: 'New York', postcodes: ['10001', '10012', '10027'], latitude: 40.7128, longitude: -74.006 },
  { country: 'US', state: 'TX', city: 'Austin', postcodes: ['78701', '78704'], latitude: 30.2672, longitude: -97.7431 },
  { country: 'CA', state: 'ON', city: 'Toronto', postcodes: ['M5V 2T6', 'M4C 1B5'], latitude: 43.6532, longitude: -79.3832 },
  { country: 'CA', state: 'BC', city: 'Vancouver', postcodes: ['V6B 1A1', 'V5K 0A1'], latitude: 49.2827, longitude: -123.1207 },
  { country: 'CA', state: 'QC', city: 'Montréal', postcodes: ['H2X 1Y4', 'H3B 4W8'], latitude: 45.5019, longitude: -73.5674 },
  { country: 'GB', state: 'ENG', city: 'London', postcodes: ['EC1A 1BB', 'SW1A 2AA', 'N1 9GU'], latitude: 51.5072, longitude: -0.1276 },
  { country: 'GB', state: 'SCT', city: 'Edinburgh', postcodes: ['EH1 1YZ', 'EH8 9YL'], latitude: 55.9533, longitude: -3.1883 },
  { country: 'DE', state: 'BY', city: 'München', postcodes: ['80331', '80802'], latitude: 48.1351, longitude: 11.582 },
  { country: 'DE', state: 'BE', city: 'Berlin', postcodes: ['10115', '10997'], latitude: 52.52, longitude: 13.405 },
  { country: 'BR', state: 'SP', city: 'São Paulo', postcodes: ['01310-100', '04538-133'], latitude: -23.5558, longitude: -46.6396 },
  { country: 'BR', state: 'RJ', city: 'Rio de Janeiro', postcodes: ['20040-020', '22250-040'], latitude: -22.9068, longitude: -43.1729 },
  { country: 'PT', state: 'Lisboa', city: 'Lisboa', postcodes: ['1100-148', '1200-195'], latitude: 38.7223, longitude: -9.1393 },
  { country: 'PT', state: 'Porto', city: 'Porto', postcodes: ['4000-322', '4050-262'], latitude: 41.1579, longitude: -8.6291 },
  { country: 'JP', state: 'Tokyo', city: 'Tokyo', postcodes: ['100-0005', '150-0002'], latitude: 35.6762, longitude: 139.6503 },
];
