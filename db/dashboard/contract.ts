// The compliance dashboard's contract (issue 14): the figures it shows, the list behind each, and the
// shape of its answers. Pure zod and plain types; the window imports it. Every word is a catalogue key.
import { z } from 'zod';
import { Cursor, safeString } from '../contract/inputs.ts';

/** The groups of cards on the screen, in the order it draws them. */
export const FIGURE_GROUPS = ['register', 'maintenance', 'movements', 'media', 'disposal', 'compliance'] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number];

/**
 * Every figure, by its stable key. A figure with buckets (devices by status, batches by stage) opens
 * the list of one bucket; the clause figures name their clause of the directive.
 */
export const FIGURES = [
  'devices.status',
  'devices.category',
  'repairs.in-house',
  'repairs.off-site',
  'preventive.overdue',
  'preventive.due',
  'approvals.pending',
  'movements.overdue',
  'personal-devices.expiring',
  'media.issued',
  'media.not-wiped',
  'media.lost',
  'disposal.batches',
  'clause.3.6.3',
  'clause.3.6.6',
  'clause.3.6.11',
  'clause.3.6.11-overdue',
  'clause.3.6.5',
  'clause.3.6.9',
  'clause.3.6.12',
  'clause.3.1.2',
] as const;
export type FigureKey = (typeof FIGURES)[number];

/** The charts, each bar of which opens the list behind it like a figure's bucket. */
export const CHARTS = ['chart.cost', 'chart.downtime', 'chart.models', 'chart.age'] as const;
export type ChartKey = (typeof CHARTS)[number];

/** Bands of years since purchase; `unknown` for devices whose purchase was not recorded. */
export const AGE_BANDS = ['0-1', '1-3', '3-5', '5-8', '8+', 'unknown'] as const;

/** How far back the charts look, in months (the current one included). */
export const CHART_MONTHS = 12;
/** How many models the most-repaired chart names. */
export const TOP_MODELS = 10;
/** How far ahead preventive work and personal-device approvals are counted as falling due. */
export const DUE_WITHIN_DAYS = 30;

export const SummaryInput = z.strictObject({});

/** The compliance summary report has no filters: it is the institution as of the day it is printed. */
export const ComplianceFilters = z.strictObject({});

export const DashboardListInput = z.strictObject({
  figure: z.enum([...FIGURES, ...CHARTS]),
  /** One bucket of the figure (a status, a month, a band); for a clause figure `ok` or `attention`. */
  bucket: safeString().max(300, 'validation.too-long').nullable().default(null),
  after: Cursor,
  limit: z.number().int().min(1).max(200).default(50),
});
export type DashboardListInput = z.input<typeof DashboardListInput>;

/** `ok`: as the directive wants it; `attention`: someone should look. */
export type Flag = 'ok' | 'attention';

export interface Bucket {
  key: string;
  value: number;
}

export interface Figure {
  key: FigureKey;
  group: FigureGroup;
  /** The count; for a percentage, the compliant ones. */
  value: number;
  /** For a percentage: how many there are in all (the denominator); null for a count. */
  of: number | null;
  flag: Flag;
  /** The directive's clause a compliance figure checks. */
  clause: string | null;
  /** The figure split (by status, category, stage); empty when it is one number. */
  buckets: Bucket[];
}

export interface Chart {
  key: ChartKey;
  /** What a bar measures: shillings, days, repairs or devices. */
  unit: 'tzs' | 'days' | 'repairs' | 'devices';
  bars: Bucket[];
}

export interface DashboardSummary {
  /** The working day the figures are counted on (Dar es Salaam). */
  today: string;
  figures: Figure[];
  charts: Chart[];
}

/** A sentence of the catalogue with its parameters: the window says it in the chosen language. */
export interface Phrase {
  key: string;
  params: Record<string, string | number>;
}

export interface DashboardRow {
  id: string;
  /** What it is: a tag, a permit or batch number, a name. */
  label: string;
  /** A second line: make and model, the holder. */
  detail: string;
  /** Why it is on the list. */
  why: Phrase;
  flag: Flag;
  /** The record it leads to: `#/<screen>/<id>`, or the screen itself when `id` is null. */
  lead: { screen: string; id: string | null };
}

export interface DashboardPage {
  items: DashboardRow[];
  next: string | null;
}

/** The address of the record a row leads to, in the form the screens open records by. */
export function leadHash(lead: { screen: string; id: string | null }): string {
  return lead.id === null ? `#/${lead.screen}` : `#/${lead.screen}/${encodeURIComponent(lead.id)}`;
}

/** A percentage figure's share, whole per cent; 100 when there is nothing to count. */
export function percent(value: number, of: number): number {
  return of === 0 ? 100 : Math.floor((value * 100) / of);
}
