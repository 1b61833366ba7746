// Cross-entity rules a merge can break although every command kept them on its own installation.
// The rules belong to their areas (each manifest's `conflicts`); this is the detector that runs them.
// The list is a pure function of the journal and the projections, computed when asked for, so
// installations holding the same events show the same conflicts, and an ordinary fix (retagging a
// device) clears one at once. A resolution is a shared event naming the conflict it closes.
import { createHash } from 'node:crypto';
import type { Conflict, ConflictRule } from '../area.ts';
import { statement, type Store } from '../store/open.ts';

export type { Conflict };

/** A conflict's id: its kind and what it is about, so a resolution closes this clash and no later one. */
export function conflictId(kind: string, parts: readonly string[]): string {
  return `${kind}:${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 24)}`;
}

/**
 * A rule that is a grouping query: each row's `key` and the JSON array `ids` of what clashes over it
 * become one conflict, the ids being part of its id.
 */
export function groupedRule(
  kind: string,
  sql: string,
  shape: (key: string, ids: string[]) => Pick<Conflict, 'entities' | 'detail'> & { parts?: string[] },
): ConflictRule {
  return {
    kind,
    detect: (store) =>
      (statement(store, sql).all() as { key: string; ids: string }[]).map((row) => {
        const ids = JSON.parse(row.ids) as string[];
        const { parts, ...rest } = shape(row.key, ids);
        return { id: conflictId(kind, parts ?? [row.key, ...ids]), kind, ...rest };
      }),
  };
}

export function detectConflicts(store: Store, rules: readonly ConflictRule[]): Conflict[] {
  return rules.flatMap((rule) => rule.detect(store)).sort((a, b) => a.id.localeCompare(b.id));
}

/** The conflicts no resolution has closed. */
export function openConflicts(services: { store: Store; registry: { conflictRules: readonly ConflictRule[] } }): Conflict[] {
  const resolved = new Set((statement(services.store, 'SELECT id FROM conflict_resolutions').all() as { id: string }[]).map((r) => r.id));
  return detectConflicts(services.store, services.registry.conflictRules).filter((conflict) => !resolved.has(conflict.id));
}
