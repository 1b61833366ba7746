// What the inbox shows, without React: each item's colour by how urgent it is, and the counts beside
// the navigation, summed by screen.

export interface InboxEntry {
  key: string;
  screen: string;
  urgency: 'act' | 'late' | 'soon';
  count: number;
}

/** Waiting for a decision and overdue are red; falling due soon is amber. */
export function urgencyColour(urgency: InboxEntry['urgency']): string {
  return urgency === 'soon' ? 'yellow' : 'red';
}

/** Per screen: how many things wait there, and whether any of them is urgent (a decision, or late). */
export function countsByScreen(items: readonly InboxEntry[]): Map<string, { count: number; urgent: boolean }> {
  const counts = new Map<string, { count: number; urgent: boolean }>();
  for (const item of items) {
    const seen = counts.get(item.screen) ?? { count: 0, urgent: false };
    counts.set(item.screen, { count: seen.count + item.count, urgent: seen.urgent || item.urgency !== 'soon' });
  }
  return counts;
}
