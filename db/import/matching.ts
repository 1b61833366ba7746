// Close matches for a value a register writes differently from the catalogue ("Diski ya Nje" for
// "Diski ngumu ya nje", "Bw. Juma Hassan" for "Juma Hassan"): compared as words, Swahili and English
// words for the same thing counted as one, and letter by letter for typing slips.
import { fold } from './mapping.ts';

export interface Entry {
  id: string;
  /** The entry's name as the user knows it. */
  label: string;
  /** Every name the entry answers to. */
  keys: readonly string[];
}

export interface Suggestion {
  id: string;
  label: string;
  /** 0 to 1. */
  score: number;
}

// Words that say nothing about which entry is meant: Swahili connectives, titles of address.
const FILLER = new Set(['ya', 'la', 'wa', 'cha', 'za', 'kwa', 'na', 'vya', 'of', 'the', 'and', 'bw', 'bi', 'bibi', 'ndugu', 'mr', 'mrs', 'ms', 'dr', 'eng', 'mhe', 'prof']);

// Words of both languages (and the spellings registers use) that name the same thing.
const SAME_WORD: Record<string, string> = {
  disk: 'diski',
  disc: 'diski',
  drive: 'diski',
  hdd: 'diski',
  hard: 'ngumu',
  external: 'nje',
  portable: 'nje',
  computer: 'kompyuta',
  pc: 'kompyuta',
  desktop: 'mezani',
  laptop: 'mpakato',
  notebook: 'mpakato',
  printer: 'printa',
  scanner: 'skana',
  projector: 'projekta',
  phone: 'simu',
  switch: 'swichi',
  router: 'ruta',
  server: 'seva',
  flash: 'mweko',
  network: 'mtandao',
  office: 'ofisi',
  room: 'chumba',
  building: 'jengo',
  store: 'stoo',
  floor: 'ghorofa',
  department: 'idara',
  unit: 'kitengo',
  section: 'kitengo',
  hall: 'ukumbi',
  conference: 'mikutano',
  meeting: 'mikutano',
};

function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of fold(text).split(' ')) {
    if (raw === '' || FILLER.has(raw)) continue;
    // English plurals ("Printers", "Disks") are the singular's word.
    const word = raw.length > 3 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw;
    out.add(SAME_WORD[word] ?? word);
  }
  return out;
}

/** Edit distance, for short strings (names of places, categories, people). */
function distance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** How alike two names are, 0 to 1: shared words (one inside the other counts most), or letters. */
export function similarity(a: string, b: string): number {
  const [fa, fb] = [fold(a), fold(b)];
  if (fa === '' || fb === '') return 0;
  if (fa === fb) return 1;
  // "Ghorofa 9" is not "Ghorofa 2", however alike the letters: numbers must agree.
  const numbers = (text: string) => (text.match(/\d+/g) ?? []).join(' ');
  if (numbers(fa) !== numbers(fb)) return 0;
  const [wa, wb] = [words(a), words(b)];
  const shared = [...wa].filter((w) => wb.has(w)).length;
  const union = new Set([...wa, ...wb]).size;
  let byWords = union === 0 ? 0 : shared / union;
  // "Diski ya Nje" inside "Diski ngumu ya nje": every word of the shorter is in the longer.
  if (shared > 0 && (shared === wa.size || shared === wb.size)) byWords = 0.75 + 0.25 * byWords;
  if (wa.size > 0 && shared === wa.size && shared === wb.size) byWords = 0.98;
  const byLetters = 1 - distance(fa, fb) / Math.max(fa.length, fb.length);
  return Math.max(byWords, byLetters);
}

/** The closest entries to `value`, best first, leaving out those with nothing in common. */
export function closest(value: string, entries: readonly Entry[], limit = 5): Suggestion[] {
  return entries
    .map((entry) => ({ id: entry.id, label: entry.label, score: Math.max(0, ...entry.keys.map((key) => similarity(value, key))) }))
    .filter((s) => s.score >= 0.5)
    .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label))
    .slice(0, limit)
    .map((s) => ({ ...s, score: Math.round(s.score * 100) / 100 }));
}

/**
 * Whether the best suggestion may be taken without asking: close, and clearly closer than the next
 * entry. A guess between two near-equal entries is left to the user.
 */
export function confident(suggestions: readonly Suggestion[]): boolean {
  const [best, next] = suggestions;
  if (!best || best.score < 0.8) return false;
  return !next || next.id === best.id || best.score - next.score >= 0.1;
}
