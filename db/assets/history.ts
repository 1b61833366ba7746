// How the register of devices and their in-device drives reads in a history.
import { sentence } from '../area.ts';
import { describeMedium } from './contract.ts';
import { formatDay } from '../contract/days.ts';
import * as events from './events.ts';

const label = (p: { make: string; model: string }): string => [p.make, p.model].filter(Boolean).join(' ');

export const assetHistory = [
  sentence(events.assetRegistered, (p, { actor, t }) => t('history.assets.registered', { actor, tag: p.tag, label: label(p) })),
  sentence(events.assetUpdated, (p, { actor, t }) => t('history.assets.updated', { actor, tag: p.tag, label: label(p) })),
  sentence(events.tagFormatSet, (p, { actor, t }) => t('history.assets.tag-format-set', { actor, format: p.tag_format })),
  sentence(events.categoryCreated, (p, { actor, t }) => t('history.categories.created', { actor, name: p.name_sw })),
  sentence(events.categoryUpdated, (p, { actor, t }) => t('history.categories.updated', { actor, name: p.name_sw })),
  sentence(events.mediumAdded, (p, { actor, t }) => t('history.storage.added', { actor, medium: describeMedium(p) })),
  sentence(events.mediumRemoved, (p, { actor, t }) =>
    t('history.storage.removed', { actor, date: formatDay(p.removed_on), by: p.removed_by, witness: p.witnessed_by, kept: p.kept_at }),
  ),
  sentence(events.mediumReinstalled, (p, { actor, t }) => t('history.storage.reinstalled', { actor, date: formatDay(p.reinstalled_on), by: p.reinstalled_by })),
];
