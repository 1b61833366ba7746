// Events of the equipment register and of storage media (3.6.3, 3.6.12: media are followed on their own).
import { z } from 'zod';
import { CLASSIFICATIONS, MEDIA_KINDS } from './contract.ts';
import { defineEvent } from '../journal/types.ts';

export const ASSET_SETTINGS_ID = 'asset-settings';

const Particulars = z.object({
  tag: z.string(),
  category: z.string(),
  make: z.string(),
  model: z.string(),
  serial: z.string(),
  purchase_date: z.string(),
  supplier: z.string(),
  cost_tzs: z.number().int().nullable(),
  funding_source: z.string(),
  warranty_end: z.string(),
  location_id: z.string().nullable(),
  department_id: z.string().nullable(),
  custodian_id: z.string().nullable(),
  classification: z.enum(CLASSIFICATIONS),
  can_hold_records: z.boolean(),
  notes: z.string(),
});

/** The columns of a device's row its registration and updates fill, one for each particular. */
export const PARTICULAR_COLUMNS = Particulars.keyof().options;

const Medium = z.object({ id: z.string(), kind: z.enum(MEDIA_KINDS), capacity_gb: z.number().int().nullable(), serial: z.string() });

export const assetRegistered = defineEvent(
  'assets.registered',
  'shared',
  Particulars.extend({ tag_seq: z.number().int().nullable(), media: z.array(Medium) }),
  (p) => p.media.map((m) => m.id),
);
/** `base`: the hash of the device's latest registration or update the author's installation held, so a
 * merge can tell two changes made from the same state apart from one made after the other. */
export const assetUpdated = defineEvent('assets.updated', 'shared', Particulars.extend({ base: z.string().nullable().optional() }));
export const tagFormatSet = defineEvent('assets.tag-format-set', 'shared', z.object({ tag_format: z.string() }));
export const categoryCreated = defineEvent(
  'categories.created',
  'shared',
  z.object({ name_sw: z.string(), name_en: z.string(), can_hold_records: z.boolean() }),
);
export const categoryUpdated = defineEvent(
  'categories.updated',
  'shared',
  z.object({ name_sw: z.string(), name_en: z.string(), can_hold_records: z.boolean(), active: z.boolean() }),
);

export const mediumAdded = defineEvent(
  'storage.added',
  'shared',
  z.object({ asset_id: z.string(), kind: z.enum(MEDIA_KINDS), capacity_gb: z.number().int().nullable(), serial: z.string() }),
  (p) => [p.asset_id],
);
export const mediumRemoved = defineEvent(
  'storage.removed',
  'shared',
  z.object({
    asset_id: z.string(),
    removed_by: z.string(),
    witnessed_by: z.string(),
    kept_at: z.string(),
    removed_on: z.string(),
    entry_id: z.string().nullable(),
  }),
  (p) => [p.asset_id],
);
export const mediumReinstalled = defineEvent(
  'storage.reinstalled',
  'shared',
  z.object({ asset_id: z.string(), reinstalled_by: z.string(), reinstalled_on: z.string(), entry_id: z.string().nullable() }),
  (p) => [p.asset_id],
);

export const assetEvents = [
  assetRegistered,
  assetUpdated,
  tagFormatSet,
  categoryCreated,
  categoryUpdated,
  mediumAdded,
  mediumRemoved,
  mediumReinstalled,
];
