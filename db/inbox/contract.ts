// What the window may import of the inbox: the shape of its answer.
import { z } from 'zod';

export const InboxInput = z.strictObject({});

export const URGENCIES = ['act', 'late', 'soon'] as const;
export type Urgency = (typeof URGENCIES)[number];

export interface InboxItem {
  /** `inbox.items.<key>` is its sentence. */
  key: string;
  screen: string;
  urgency: Urgency;
  count: number;
}
