// What the register list asks the core for: the search, the filters and the sort, blank ones left out.
import type { AssetListInput } from '../../../db/assets/contract.ts';

export interface Filters {
  category: string | null;
  status: AssetListInput['status'];
  department_id: string | null;
  location_id: string | null;
  classification: AssetListInput['classification'];
  sort: NonNullable<AssetListInput['sort']>;
}

export const EMPTY_FILTERS: Filters = { category: null, status: null, department_id: null, location_id: null, classification: null, sort: 'tag_asc' };

/** Whether anything narrows the list (the sort does not). */
export function hasFilters(filters: Filters): boolean {
  return Boolean(filters.category || filters.status || filters.department_id || filters.location_id || filters.classification);
}

/** The `assets.list` input for a search and filters, without the page cursor. */
export function listInput(search: string, filters: Filters): Omit<AssetListInput, 'after' | 'limit'> {
  return {
    search: search.trim().slice(0, 100),
    category: filters.category ?? null,
    status: filters.status ?? null,
    department_id: filters.department_id ?? null,
    location_id: filters.location_id ?? null,
    classification: filters.classification ?? null,
    sort: filters.sort,
  };
}
