// Normalises street names, places and free-text address queries so that "Mass Ave." and "Massachusetts Avenue" compare equal.

/** Street-type words and their abbreviations (USPS-style and what Boston's 311 records use), to one canonical word. */
const STREET_TYPES: Record<string, string> = {
  st: 'street', str: 'street', street: 'street',
  ave: 'avenue', av: 'avenue', aven: 'avenue', avn: 'avenue', avenue: 'avenue',
  blvd: 'boulevard', boul: 'boulevard', bvd: 'boulevard', boulevard: 'boulevard',
  rd: 'road', road: 'road',
  pl: 'place', place: 'place',
  sq: 'square', sqr: 'square', square: 'square',
  ter: 'terrace', terr: 'terrace', terrace: 'terrace',
  pkwy: 'parkway', pky: 'parkway', pkway: 'parkway', parkway: 'parkway',
  hwy: 'highway', highway: 'highway',
  ct: 'court', crt: 'court', court: 'court',
  dr: 'drive', drv: 'drive', drive: 'drive',
  ln: 'lane', lane: 'lane',
  cir: 'circle', circ: 'circle', circle: 'circle',
  cirt: 'circuit', cir_t: 'circuit', circuit: 'circuit',
  plz: 'plaza', plaza: 'plaza',
  whf: 'wharf', wharf: 'wharf',
  grn: 'green', green: 'green',
  ext: 'extension', extension: 'extension',
  cres: 'crescent', crescent: 'crescent',
  aly: 'alley', alley: 'alley',
  ctr: 'center', center: 'center',
  wy: 'way', way: 'way',
  row: 'row',
  pk: 'park', park: 'park',
  pt: 'point', point: 'point',
  hts: 'heights', heights: 'heights',
  mall: 'mall',
  brg: 'bridge', bridge: 'bridge',
  // The City writes some names both ways ("Harrison Archway" and "Harrison Archways"): one key for both.
  archway: 'archway', archways: 'archway',
  gdns: 'gardens', gardens: 'gardens',
  drwy: 'driveway', driveway: 'driveway',
};

const DIRECTIONS: Record<string, string> = { n: 'north', s: 'south', e: 'east', w: 'west', no: 'north', so: 'south' };

/** Whole-word expansions that hold anywhere in a name. */
const WORDS: Record<string, string> = {
  mt: 'mount', ft: 'fort', jr: 'jr', vfw: 'veterans of foreign wars',
};

const ORDINALS: Record<string, string> = {
  '1st': 'first', '2nd': 'second', '3rd': 'third', '4th': 'fourth', '5th': 'fifth', '6th': 'sixth', '7th': 'seventh',
  '8th': 'eighth', '9th': 'ninth', '10th': 'tenth', '11th': 'eleventh', '12th': 'twelfth',
};

/** Boston nicknames of whole streets: first words + street type to the full name. */
const NICKNAMES: { words: string[]; type: string; full: string[] }[] = [
  { words: ['mass'], type: 'avenue', full: ['massachusetts'] },
  { words: ['dot'], type: 'avenue', full: ['dorchester'] },
  { words: ['comm'], type: 'avenue', full: ['commonwealth'] },
  { words: ['mlk'], type: 'boulevard', full: ['martin', 'luther', 'king', 'jr'] },
  { words: ['mass', 'pike'], type: '', full: ['massachusetts', 'turnpike'] },
];

/**
 * Lower-case words of a text: accents stripped, apostrophes dropped ("O'Connell" → "oconnell"), every other
 * punctuation mark a word break.
 */
export function textWords(text: string): string[] {
  // eslint-disable-next-line no-control-regex -- plain ASCII needs no accent folding (the common, fast case)
  const folded = /[^\x00-\x7f]/.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text;
  return folded
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** True when a (normalised) word is a street type such as "street" or "avenue". */
export function isStreetType(word: string): boolean {
  return Object.hasOwn(STREET_TYPES, word);
}

/**
 * Canonical words of a street name: abbreviations expanded ("St" → "street", "Ave" → "avenue", a leading "St" →
 * "saint", "E Broadway" → "east broadway" but "E St" stays "e street"), ordinals spelled out, nicknames
 * ("Mass Ave", "Dot Ave", "Comm Ave", "MLK Blvd") resolved.
 */
export function streetNameWords(name: string): string[] {
  const raw = textWords(name);
  const out: string[] = [];
  raw.forEach((w, i) => {
    const next = raw[i + 1];
    const isLast = i === raw.length - 1;
    if (i === 0 && (w === 'st' || w === 'ste') && next !== undefined && !isStreetType(next)) {
      out.push('saint');
    } else if (Object.hasOwn(DIRECTIONS, w) && ((i === 0 && next !== undefined && !isStreetType(next)) || (isLast && i >= 2))) {
      // "E Broadway", "N Beacon St", "Charles St S"; a lone letter before the type is the name itself ("E St", "N St").
      out.push(DIRECTIONS[w]!);
    } else if (Object.hasOwn(ORDINALS, w)) {
      out.push(ORDINALS[w]!);
    } else if (Object.hasOwn(WORDS, w)) {
      out.push(...WORDS[w]!.split(' '));
    } else if (i > 0 && isStreetType(w)) {
      out.push(STREET_TYPES[w]!);
    } else {
      out.push(w);
    }
  });
  for (const nick of NICKNAMES) {
    const n = nick.words.length;
    for (let i = 0; i + n <= out.length; i++) {
      const same = nick.words.every((w, j) => out[i + j] === w);
      const typeOk = nick.type === '' || out[i + n] === nick.type || (out[i + n] === undefined && i + n === out.length && nick.type !== '');
      if (same && typeOk) {
        out.splice(i, n, ...nick.full);
        break;
      }
    }
  }
  return out;
}

/** The comparison key of a street name: its canonical words joined by single spaces ("Mass Ave." → "massachusetts avenue"). */
export function normalizeStreetName(name: string): string {
  return streetNameWords(name).join(' ');
}

/** The comparison key of a place or neighbourhood name ("Jamaica Plain" → "jamaica plain", "Copley Sq" → "copley square"). */
export function normalizePlaceName(name: string): string {
  return normalizeStreetName(name);
}

/** Short names people use for Boston neighbourhoods and postal cities, to the official name's key. */
const LOCALITY_ALIASES: Record<string, string[]> = {
  jp: ['jamaica plain'],
  southie: ['south boston'],
  eastie: ['east boston'],
  rozzie: ['roslindale'],
  dot: ['dorchester'],
  'dorchester center': ['dorchester'],
  'roxbury crossing': ['roxbury'],
  readville: ['hyde park'],
  'allston brighton': ['allston', 'brighton'],
  'allston brighton ma': ['allston', 'brighton'],
  'fenway kenmore': ['fenway'],
  kenmore: ['fenway'],
  'financial district': ['downtown'],
  'greater mattapan': ['mattapan'],
  'south boston waterfront': ['south boston waterfront'],
  seaport: ['south boston waterfront'],
};

/** Normalised locality keys of a neighbourhood or postal-city text ("JP" → ["jamaica plain"], "Allston/Brighton" → both). */
export function localityKeys(text: string): string[] {
  const key = textWords(text).join(' ');
  return LOCALITY_ALIASES[key] ?? (key ? [key] : []);
}

/** A query split into its parts (all texts as typed, trimmed; nothing resolved yet). */
export type ParsedQuery = {
  /** House number when the query starts with one (for a range "20-26", its middle on the same side: 22). */
  houseNumber: number | null;
  /** The street or place text (without number, locality, state, ZIP). */
  street: string;
  /** The second street of an intersection ("A and B", "A & B", "A at B", "A @ B", "A / B"). */
  crossStreet: string | null;
  /** Five-digit ZIP code, when present. */
  zip: string | null;
  /** Neighbourhood or city texts given after commas (or recognised at the end). */
  localities: string[];
};

const STATE_WORDS = new Set(['ma', 'mass', 'massachusetts']);

/**
 * Splits a free-text query: "183 Belgrade Ave, Roslindale, MA 02131" → number 183, street "Belgrade Ave", locality
 * "Roslindale", ZIP "02131". `knownLocalities` (normalised keys) lets a locality be recognised without a comma
 * ("20 Jacob St Dorchester MA 02124") when it follows a street type.
 */
export function parseQuery(query: string, knownLocalities: ReadonlySet<string> = new Set()): ParsedQuery {
  let text = query.replace(/\s+/g, ' ').trim();
  let zip: string | null = null;
  // A five-digit number at the end, after some words, is a ZIP ("..., MA 02131", "02131-1234").
  const zipMatch = /^(.*[a-z].*?)[\s,]+(\d{5})(?:-\d{4})?$/i.exec(text);
  if (zipMatch) {
    zip = zipMatch[2]!;
    text = zipMatch[1]!.replace(/,\s*$/, '').trim();
  }
  text = text.replace(/^intersection\s+(?:of\s+)?/i, '');
  let parts = text.split(',').map((p) => p.trim()).filter((p) => p.length > 0);
  // Drop a trailing state ("MA", "Massachusetts") whether or not it had its own comma.
  const lastIdx = parts.length - 1;
  if (lastIdx >= 1 && STATE_WORDS.has(textWords(parts[lastIdx]!).join(' '))) parts = parts.slice(0, lastIdx);
  if (parts.length >= 1) {
    const words = parts[parts.length - 1]!.split(' ');
    if (parts.length >= 2 || words.length >= 3) {
      const lastWord = textWords(words[words.length - 1] ?? '').join('');
      if (words.length >= 2 && (lastWord === 'ma' || lastWord === 'massachusetts')) parts[parts.length - 1] = words.slice(0, -1).join(' ');
    }
  }
  const head = parts[0] ?? '';
  const localities = parts.slice(1).filter((p) => textWords(p).length > 0);

  let streetPart = head;
  // A locality at the end without a comma: only after a street type, so "Dorchester Ave" stays a street.
  if (localities.length === 0 && knownLocalities.size > 0) {
    const words = head.split(' ');
    for (let n = Math.min(3, words.length - 2); n >= 1; n--) {
      const tail = textWords(words.slice(-n).join(' ')).join(' ');
      const before = textWords(words[words.length - n - 1] ?? '');
      const beforeWord = before[before.length - 1] ?? '';
      if ((knownLocalities.has(tail) || Object.hasOwn(LOCALITY_ALIASES, tail)) && isStreetType(STREET_TYPES[beforeWord] ?? beforeWord)) {
        localities.push(words.slice(-n).join(' '));
        streetPart = words.slice(0, -n).join(' ');
        break;
      }
    }
  }

  let houseNumber: number | null = null;
  const num = /^(\d+)[a-z]?(?:\s*-\s*(\d+)[a-z]?)?\s+(.*)$/i.exec(streetPart);
  if (num && /[a-z]/i.test(num[3]!)) {
    // A range "20-26" stands for its middle building: the middle number on the first number's side of the street.
    const from = Number(num[1]);
    const to = num[2] !== undefined ? Number(num[2]) : from;
    houseNumber = to > from && to - from <= 200 ? from + 2 * Math.floor((to - from) / 4) : from;
    streetPart = num[3]!.trim();
  }

  let crossStreet: string | null = null;
  const cross = /^(.+?)\s*(?:\s(?:and|at)\s|&|@|\/|\+)\s*(.*)$/i.exec(streetPart);
  if (cross && houseNumber === null) {
    streetPart = cross[1]!.trim();
    crossStreet = cross[2]!.trim();
  }
  return { houseNumber, street: streetPart, crossStreet, zip, localities };
}
