// The device form's values: blank for a new device, filled from a saved one, and the payloads the
// core's routes take. Pure, so the form's rules are tested without a window.
import type { z } from 'zod';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { RegisterAssetInput, type UpdateAssetInput } from '../../../db/assets/contract.ts';
import { text } from '../../../db/contract/inputs.ts';

export type AssetView = RouteOutput<'assets.get'>;
export type DeviceFormInput = z.input<typeof RegisterAssetInput>;
export type DeviceFormOutput = z.output<typeof RegisterAssetInput>;
export type MediumRow = NonNullable<DeviceFormInput['media']>[number];

/** Editing checks the same particulars, but a saved device always keeps a tag. */
export const EditDeviceSchema = RegisterAssetInput.extend({ tag: text(40) });

/** The fields a refusal may name, in the order the form shows them. */
export const DEVICE_FIELDS = [
  'tag',
  'category',
  'make',
  'model',
  'serial',
  'purchase_date',
  'supplier',
  'cost_tzs',
  'funding_source',
  'warranty_end',
  'location_id',
  'department_id',
  'custodian_id',
  'classification',
  'can_hold_records',
  'notes',
] as const;

export function blankMedium(kind: MediumRow['kind'] = 'ssd'): MediumRow {
  return { kind, capacity_gb: null, serial: '' };
}

export function blankDevice(): DeviceFormInput {
  return {
    tag: '',
    category: '',
    make: '',
    model: '',
    serial: '',
    purchase_date: '',
    supplier: '',
    cost_tzs: null,
    funding_source: '',
    warranty_end: '',
    location_id: null,
    department_id: null,
    custodian_id: null,
    classification: 'internal',
    // Blank: the category decides (3.6.12), until the officer says otherwise.
    can_hold_records: null,
    notes: '',
    media: [],
  };
}

export function valuesFromAsset(asset: AssetView): DeviceFormInput {
  return {
    tag: asset.tag,
    category: asset.category,
    make: asset.make,
    model: asset.model,
    serial: asset.serial,
    purchase_date: asset.purchase_date,
    supplier: asset.supplier,
    cost_tzs: asset.cost_tzs,
    funding_source: asset.funding_source,
    warranty_end: asset.warranty_end,
    location_id: asset.location_id,
    department_id: asset.department_id,
    custodian_id: asset.custodian_id,
    classification: asset.classification as DeviceFormInput['classification'],
    can_hold_records: asset.can_hold_records,
    notes: asset.notes,
    media: [],
  };
}

/** What `assets.update` takes: the particulars without the media (those change on the device page). */
export function updatePayload(values: DeviceFormOutput, assetId: string): UpdateAssetInput {
  const { media: _media, ...particulars } = values;
  return { ...particulars, asset_id: assetId, tag: particulars.tag };
}
