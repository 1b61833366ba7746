// The register's routes; merged into the one table in db/contract/routes.ts.
import { route } from '../contract/route.ts';
import {
  AddMediumInput,
  AssetIdInput,
  AssetListInput,
  CategoryInput,
  LabelsInput,
  RegisterAssetInput,
  ReinstallMediumInput,
  RemoveMediumInput,
  TagFormatInput,
  UpdateAssetInput,
} from './contract.ts';
import { ADMIN, ICT } from '../contract/roles.ts';
import { EmptyInput, text } from '../contract/inputs.ts';
import { refuse } from '../core/refusal.ts';
import { z } from 'zod';
import { addMedium, createCategory, proposeTag, registerAsset, reinstallMedium, removeMedium, setTagFormat, updateAsset } from './commands.ts';
import { findAsset, listAssets, listCategories, tagFormat } from './queries.ts';
import { assetLabels } from './labels-form.ts';

export const assetRoutes = {
  // Everyone signed in may print, auditors included: printing reads and changes nothing.
  'documents.labels': route({ access: 'signed-in', input: LabelsInput, handler: (ctx, input) => assetLabels(ctx, input) }),
  'assets.list': route({ access: 'signed-in', input: AssetListInput, handler: (ctx, input) => listAssets(ctx.store, input) }),
  'assets.get': route({
    access: 'signed-in',
    input: AssetIdInput,
    handler: (ctx, input) => findAsset(ctx.store, input.asset_id) ?? refuse('asset-not-found'),
  }),
  'assets.propose-tag': route({
    access: ICT,
    input: z.strictObject({ category: text(64).default('other') }),
    handler: (ctx, input) => ({ ...proposeTag(ctx, input.category), format: tagFormat(ctx.store) }),
  }),
  'assets.register': route({ access: ICT, input: RegisterAssetInput, handler: (ctx, input) => registerAsset(ctx, input) }),
  'assets.update': route({ access: ICT, input: UpdateAssetInput, handler: (ctx, input) => updateAsset(ctx, input) }),
  'assets.set-tag-format': route({ access: ADMIN, input: TagFormatInput, handler: (ctx, input) => setTagFormat(ctx, input) }),
  'categories.list': route({ access: 'signed-in', input: EmptyInput, handler: (ctx) => listCategories(ctx.store) }),
  'categories.create': route({ access: ADMIN, input: CategoryInput, handler: (ctx, input) => createCategory(ctx, input) }),
  'drives.add': route({ access: ICT, input: AddMediumInput, handler: (ctx, input) => addMedium(ctx, input) }),
  'drives.remove': route({ access: ICT, input: RemoveMediumInput, handler: (ctx, input) => removeMedium(ctx, input) }),
  'drives.reinstall': route({ access: ICT, input: ReinstallMediumInput, handler: (ctx, input) => reinstallMedium(ctx, input) }),
};
