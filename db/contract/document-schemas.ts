// Input schemas of the printed forms: the log book (3.6.4) and asset labels. Pure zod, shared with the
// window's print dialogs; messages are catalogue keys.
import { z } from 'zod';
import { CalendarDate } from './register-schemas.ts';
import { Id } from './schemas.ts';

/** A form prints in the language asked for; Swahili unless told (3.5.2). */
export const DocumentLanguage = z.enum(['sw', 'en']).default('sw');

export const LogBookPageInput = z.strictObject({ asset_id: Id, language: DocumentLanguage });
export type LogBookPageInput = z.input<typeof LogBookPageInput>;

export const LogBookPeriodInput = z
  .strictObject({ from: CalendarDate, to: CalendarDate, language: DocumentLanguage })
  .superRefine((value, ctx) => {
    if (value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'documents.validation.period' });
  });
export type LogBookPeriodInput = z.input<typeof LogBookPeriodInput>;

/**
 * Label sheets on A4, in millimetres. `across` × `down` labels of `width` × `height`, the first at
 * (`left`, `top`), then every `pitch_x` / `pitch_y`. 3x7 and 2x7 are Avery L7160 and L7163 sheets.
 */
export const LABEL_PRESETS = {
  'a4-3x8': { across: 3, down: 8, width: 70, height: 37, left: 0, top: 0.5, pitch_x: 70, pitch_y: 37 },
  'a4-3x7': { across: 3, down: 7, width: 63.5, height: 38.1, left: 7.25, top: 15.15, pitch_x: 66.04, pitch_y: 38.1 },
  'a4-2x7': { across: 2, down: 7, width: 99.1, height: 38.1, left: 4.65, top: 15.15, pitch_x: 101.6, pitch_y: 38.1 },
} as const;
export type LabelPreset = keyof typeof LABEL_PRESETS;
export const LABEL_PRESET_NAMES = Object.keys(LABEL_PRESETS) as LabelPreset[];

export const LabelsInput = z
  .strictObject({
    /** In print order; a device named twice gets two labels. */
    asset_ids: z.array(Id).min(1, 'validation.required').max(500, 'validation.too_big'),
    preset: z.enum(LABEL_PRESET_NAMES as [LabelPreset, ...LabelPreset[]]).default('a4-3x8'),
    /** Labels already peeled off a part-used sheet: printing starts after them. */
    skip: z.number('validation.whole-number').int('validation.whole-number').min(0, 'validation.whole-number').default(0),
    language: DocumentLanguage,
  })
  .superRefine((value, ctx) => {
    const sheet = LABEL_PRESETS[value.preset];
    if (value.skip >= sheet.across * sheet.down) ctx.addIssue({ code: 'custom', path: ['skip'], message: 'documents.validation.skip' });
  });
export type LabelsInput = z.input<typeof LabelsInput>;
