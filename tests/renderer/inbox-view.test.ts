// The navigation's counts of what waits, summed by screen, red when any is a decision or late.
import { describe, expect, it } from 'vitest';
import { countsByScreen, urgencyColour } from '../../renderer/screens/inbox/inbox-view.ts';

describe('what waits, beside the navigation', () => {
  it('sums the items of each screen and marks a screen urgent when one of them is a decision or late', () => {
    const counts = countsByScreen([
      { key: 'preventive-due', screen: 'maintenance', urgency: 'soon', count: 4 },
      { key: 'preventive-overdue', screen: 'maintenance', urgency: 'late', count: 2 },
      { key: 'expiring', screen: 'personal-devices', urgency: 'soon', count: 1 },
    ]);
    expect([...counts]).toEqual([
      ['maintenance', { count: 6, urgent: true }],
      ['personal-devices', { count: 1, urgent: false }],
    ]);
  });

  it('is red for a decision or something late, amber for what falls due soon', () => {
    expect([urgencyColour('act'), urgencyColour('late'), urgencyColour('soon')]).toEqual(['red', 'red', 'yellow']);
  });
});
