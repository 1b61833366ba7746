// Issue 7: a history line named the person twice, once in its sentence and again beside its time.
import { describe, expect, it } from 'vitest';
import { translator } from '../../db/contract/catalogues/index.ts';
import { registry } from '../../db/areas.ts';
import { historyByline } from '../../db/contract/describe.ts';

const describeEvent = registry.describe;

describe('a history line', () => {
  for (const language of ['sw', 'en'] as const) {
    it(`names the person who acted once, not twice (${language})`, () => {
      const t = translator(language);
      const event = { type: 'assets.registered', actor_name: 'Rehema Ally Mollel', payload: { tag: 'MAJI/ICT/2026/000123', make: 'Dell', model: 'Latitude 5420' } };
      const sentence = describeEvent(event, t);
      expect(sentence.split('Rehema Ally Mollel')).toHaveLength(2);
      expect(historyByline(event, sentence)).toBeNull();
    });

    it(`still says who acted when the sentence does not (${language})`, () => {
      const t = translator(language);
      const event = { type: 'users.sign-in-failed', actor_name: 'Juma Ally Hassan', payload: {} };
      const sentence = describeEvent(event, t);
      expect(sentence).not.toContain('Juma Ally Hassan');
      expect(historyByline(event, sentence)).toBe('Juma Ally Hassan');
    });
  }

  it('shows no empty byline for an event without a name', () => {
    const event = { type: 'users.sign-in-failed', actor_name: '', payload: {} };
    expect(historyByline(event, describeEvent(event, translator('en')))).toBeNull();
  });
});
