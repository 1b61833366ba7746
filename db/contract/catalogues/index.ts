// The two catalogues, Swahili first (3.5.2). `core` holds what the core says (errors, roles, history,
// the register's words); `ui`, `assets-ui`, `maintenance-ui`, `dashboard-ui` and `sync-ui` the screens; `documents` the printed
// forms; `import` the register import; `registers` the CSV and Excel registers.
// Files share no top-level keys. Both languages hold exactly the same keys (a test proves it).
import enBackupsUi from './en/backups-ui.json' with { type: 'json' };
import enCheckPage from './en/check-page.json' with { type: 'json' };
import enCore from './en/core.json' with { type: 'json' };
import enDashboardUi from './en/dashboard-ui.json' with { type: 'json' };
import enDocuments from './en/documents.json' with { type: 'json' };
import enDisposalUi from './en/disposal-ui.json' with { type: 'json' };
import enStocktakeUi from './en/stocktake-ui.json' with { type: 'json' };
import enHandoversUi from './en/handovers-ui.json' with { type: 'json' };
import enAssetsUi from './en/assets-ui.json' with { type: 'json' };
import enImport from './en/import.json' with { type: 'json' };
import enInbox from './en/inbox.json' with { type: 'json' };
import enMaintenanceUi from './en/maintenance-ui.json' with { type: 'json' };
import enMediaUi from './en/media-ui.json' with { type: 'json' };
import enMovementsUi from './en/movements-ui.json' with { type: 'json' };
import enPersonalDevicesUi from './en/personal-devices-ui.json' with { type: 'json' };
import enRegisters from './en/registers.json' with { type: 'json' };
import enSyncUi from './en/sync-ui.json' with { type: 'json' };
import enUi from './en/ui.json' with { type: 'json' };
import swBackupsUi from './sw/backups-ui.json' with { type: 'json' };
import swCheckPage from './sw/check-page.json' with { type: 'json' };
import swCore from './sw/core.json' with { type: 'json' };
import swDashboardUi from './sw/dashboard-ui.json' with { type: 'json' };
import swDocuments from './sw/documents.json' with { type: 'json' };
import swDisposalUi from './sw/disposal-ui.json' with { type: 'json' };
import swStocktakeUi from './sw/stocktake-ui.json' with { type: 'json' };
import swHandoversUi from './sw/handovers-ui.json' with { type: 'json' };
import swAssetsUi from './sw/assets-ui.json' with { type: 'json' };
import swImport from './sw/import.json' with { type: 'json' };
import swInbox from './sw/inbox.json' with { type: 'json' };
import swMaintenanceUi from './sw/maintenance-ui.json' with { type: 'json' };
import swMediaUi from './sw/media-ui.json' with { type: 'json' };
import swMovementsUi from './sw/movements-ui.json' with { type: 'json' };
import swPersonalDevicesUi from './sw/personal-devices-ui.json' with { type: 'json' };
import swRegisters from './sw/registers.json' with { type: 'json' };
import swSyncUi from './sw/sync-ui.json' with { type: 'json' };
import swUi from './sw/ui.json' with { type: 'json' };

export const LANGUAGES = ['sw', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'sw';

export type Catalogue = Record<string, unknown>;

export const catalogues: Record<Language, Catalogue> = {
  sw: { ...swCore, ...swInbox, ...swDashboardUi, ...swUi, ...swDocuments, ...swHandoversUi, ...swImport, ...swAssetsUi, ...swMaintenanceUi, ...swMediaUi, ...swPersonalDevicesUi, ...swMovementsUi, ...swDisposalUi, ...swStocktakeUi, ...swSyncUi, ...swBackupsUi, ...swCheckPage, ...swRegisters },
  en: { ...enCore, ...enInbox, ...enDashboardUi, ...enUi, ...enDocuments, ...enHandoversUi, ...enImport, ...enAssetsUi, ...enMaintenanceUi, ...enMediaUi, ...enPersonalDevicesUi, ...enMovementsUi, ...enDisposalUi, ...enStocktakeUi, ...enSyncUi, ...enBackupsUi, ...enCheckPage, ...enRegisters },
};

export type Translate = (key: string, params?: Record<string, string | number>) => string;

function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A translator with i18next's `{{name}}` interpolation, for the core and the CLI (no i18next there). */
export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, params) => {
    const template = lookup(catalogue, key) ?? key;
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params?.[name] ?? ''));
  };
}

/** Every leaf key of a catalogue, dotted. */
export function leafKeys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => leafKeys(value, prefix ? `${prefix}.${key}` : key));
}
