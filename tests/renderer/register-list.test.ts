// Issue 7: tags were cut to `MAJI/ICT/2026/000…` in the register list, and "Reported by" offered nobody.
import { describe, expect, it } from 'vitest';
import { personSuggestions } from '../../renderer/components/assets/person-name-input.tsx';
import { CELL_PADDING, longest, registerColumns } from '../../renderer/screens/assets/register-columns.ts';

describe('the register list columns', () => {
  it('gives the tag and serial columns the whole width of the longest tag and serial, padding included', () => {
    const { template } = registerColumns({ tag: 171.4, serial: 188, status: 160, classification: 90 });
    const columns = template.split(' ').filter((part) => part.endsWith('px') && !part.includes('('));
    expect(columns).toEqual(['36px', `${172 + CELL_PADDING + 2}px`, `${188 + CELL_PADDING + 2}px`, `${160 + CELL_PADDING + 2}px`, `${90 + CELL_PADDING + 2}px`]);
  });

  it('scrolls sideways rather than squeeze the names below their least width', () => {
    const { minWidth } = registerColumns({ tag: 170, serial: 170, status: 160, classification: 100 });
    expect(minWidth).toBe(36 + 192 + 192 + 182 + 122 + 150 + 150);
  });

  it('finds the longest tag loaded', () => {
    expect(longest(['WF/ICT/2026/00001', 'MAJI/ICT/2026/000123', 'X'])).toBe('MAJI/ICT/2026/000123');
    expect(longest([])).toBe('');
  });
});

describe('"Reported by" suggestions', () => {
  const headings = { custodian: 'Custodian', people: 'People' };

  it('offers the device custodian first, then the people the register search found', () => {
    expect(personSuggestions('', 'Neema Joseph Mwakalinga', ['Baraka Mussa Kombo', 'Neema Joseph Mwakalinga'], headings)).toEqual([
      { group: 'Custodian', items: ['Neema Joseph Mwakalinga'] },
      { group: 'People', items: ['Baraka Mussa Kombo'] },
    ]);
  });

  it('drops the custodian once the typed name is someone else, and still allows a visitor with no match', () => {
    expect(personSuggestions('bara', 'Neema Joseph Mwakalinga', ['Baraka Mussa Kombo'], headings)).toEqual([{ group: 'People', items: ['Baraka Mussa Kombo'] }]);
    expect(personSuggestions('Mgeni Salim', 'Neema Joseph Mwakalinga', [], headings)).toEqual([]);
  });

  it('keeps to what is typed while the register search is still answering the previous letters', () => {
    expect(personSuggestions('bara', null, ['Ally Hassan Mzee', 'Baraka Mussa Kombo', 'Grace Peter Massawe'], headings)).toEqual([{ group: 'People', items: ['Baraka Mussa Kombo'] }]);
    expect(personSuggestions('neema mwaka', 'Neema Joseph Mwakalinga', [], headings)).toEqual([{ group: 'Custodian', items: ['Neema Joseph Mwakalinga'] }]);
  });
});
