// What the history of one entity is asked with. Pure zod, shared with the window's history view.
import { z } from 'zod';
import { Id, multilineText } from '../contract/inputs.ts';

export const HistoryInput = z.strictObject({ entity: Id });

/** A printed page's witness, typed (`4127-9f3a-c2d1-77be-0a54`) or read by a scanner from its QR code (which may end the line). */
export const CheckPageInput = z.strictObject({ page_code: multilineText(2000) });
