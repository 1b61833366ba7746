// What the history of one entity is asked with. Pure zod, shared with the window's history view.
import { z } from 'zod';
import { Id } from '../contract/inputs.ts';

export const HistoryInput = z.strictObject({ entity: Id });
