// One word per thing across every screen, form and register: the reader meets the same Swahili word
// for the same thing wherever they look, and no word that means something else here.
import { describe, expect, it } from 'vitest';
import { catalogues, leafKeys } from '../../../../db/contract/catalogues/index.ts';

function valueAt(catalogue: unknown, key: string): string {
  return String(key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue));
}

const keys = leafKeys(catalogues.sw);
const pairs = keys.map((key) => ({ key, sw: valueAt(catalogues.sw, key), en: valueAt(catalogues.en, key) }));

/** Swahili sentences matching `pattern`, as `key: sentence`, for a readable failure. */
function swahiliMatching(pattern: RegExp, among = pairs): string[] {
  return among.filter((pair) => pattern.test(pair.sw)).map((pair) => `${pair.key}: ${pair.sw}`);
}

// "futa" is to wipe (3.6.9) or delete; "Tafuta" (search) merely contains the letters.
const FUTA = /(?<!ta)fut/i;

describe('the Swahili words', () => {
  it('call a servant’s check number "namba ya cheki", never a bank cheque (hundi) or "namba ya utumishi"', () => {
    expect(swahiliMatching(/\bhundi\b|namba ya utumishi/i)).toEqual([]);
    expect(valueAt(catalogues.sw, 'handovers_ui.form.check-number')).toBe('Namba ya cheki {{number}}');
  });

  it('call a serial number "namba ya seriali", never "namba ya utambulisho" nor "namba ya serial"', () => {
    expect(swahiliMatching(/namba (ya|za) utambulisho|namba ya serial\b/i)).toEqual([]);
  });

  it('call the make "mtengenezaji", never "chapa", "muundo" or "kampuni"', () => {
    const make = pairs.filter((pair) => /\bmake\b/i.test(pair.en) && /\bmake\b|make-model/.test(pair.key));
    expect(make.length).toBeGreaterThan(8);
    expect(swahiliMatching(/^(?!.*mtengenezaji)/i, make)).toEqual([]);
    expect(swahiliMatching(/\bchapa\b/i)).toEqual([]);
  });

  it('call a device’s custodian "mtunzaji", never "mtumiaji", which is a user of the system', () => {
    expect(swahiliMatching(/mtumiaji/i, pairs.filter((pair) => /custodian/i.test(pair.en)))).toEqual([]);
  });

  it('revoke a permit with "batilisha", never "futa"', () => {
    const revoking = pairs.filter((pair) => /revok/i.test(pair.en) && /permit|approval/i.test(`${pair.key} ${pair.en}`));
    expect(revoking.length).toBeGreaterThan(15);
    expect(swahiliMatching(FUTA, revoking)).toEqual([]);
    expect(valueAt(catalogues.sw, 'movements_ui.revoke.submit')).toBe('Batilisha kibali');
  });

  it('undo a stocktake count with "tendua", never "futa"', () => {
    const undoing = pairs.filter((pair) => /\bundo|taken? back/i.test(pair.en));
    expect(undoing.length).toBeGreaterThan(4);
    expect(swahiliMatching(FUTA, undoing)).toEqual([]);
  });

  it('cancel a disposal batch with "sitisha", as a handover is cancelled, never "futa"', () => {
    expect(swahiliMatching(FUTA, pairs.filter((pair) => /cancel/i.test(pair.en)))).toEqual([]);
  });

  it('call the stocktake’s frozen list "orodha iliyogandishwa", never a photo (picha)', () => {
    const snapshot = pairs.filter((pair) => /snapshot/i.test(pair.en));
    expect(snapshot.length).toBeGreaterThan(3);
    expect(swahiliMatching(/picha/i, snapshot)).toEqual([]);
    expect(swahiliMatching(/^(?!.*orodha)/i, snapshot)).toEqual([]);
  });

  it('call the equipment register "rejista" in the stocktake, since Daftari names the app and the log book', () => {
    const stocktake = pairs.filter((pair) => /stocktake/i.test(pair.key) && /register/i.test(pair.en));
    expect(stocktake.length).toBeGreaterThan(8);
    expect(swahiliMatching(/daftari/i, stocktake)).toEqual([]);
  });

  it('never set two colons in a row in the change a stocktake card shows', () => {
    const changed = valueAt(catalogues.sw, 'stocktake_ui.count.expected.changed');
    for (const part of ['moved-to', 'custodian-now', 'status-now']) {
      const sentence = changed.replace('{{what}}', valueAt(catalogues.sw, `stocktake_ui.count.expected.${part}`));
      expect(sentence.match(/:/g)?.length).toBe(1);
    }
  });

  it('label the link to a stocktake "Angalia uhakiki", apart from the button that opens a new one', () => {
    expect(valueAt(catalogues.sw, 'stocktake_ui.conflicts.open-area')).toBe('Angalia uhakiki');
    expect(valueAt(catalogues.sw, 'stocktake_ui.conflicts.open-area')).not.toBe(valueAt(catalogues.sw, 'stocktake_ui.open-button'));
  });
});

describe('the English words', () => {
  it('spell sanitisation the British way, as the rest of the screens do', () => {
    expect(pairs.filter((pair) => /sanitiz/i.test(`${pair.en} ${pair.sw}`)).map((pair) => pair.key)).toEqual([]);
    expect(valueAt(catalogues.en, 'disposal_ui.pack.certificate-title')).toBe('CERTIFICATE OF SANITISATION');
  });

  it('label a page’s code "Check code", apart from the person who witnesses a handover', () => {
    expect(valueAt(catalogues.en, 'documents.form.witness')).toBe('Check code: {{code}}');
    expect(valueAt(catalogues.en, 'checkPage.code')).toBe('Check code');
    expect(valueAt(catalogues.en, 'handovers_ui.form.sign-witness')).toBe('Witness');
  });
});
