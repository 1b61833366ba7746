// A category's name in the interface's language: built-in ones from the catalogues, custom ones as named.
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { useRouteQuery } from '../../client/context.tsx';

export type CategoryView = RouteOutput<'categories.list'>[number];

export function categoryName(category: CategoryView | undefined, id: string, language: string, t: (key: string) => string): string {
  if (!category) return id;
  if (category.builtin) return t(`categories.${category.id}`);
  return (language === 'en' ? category.name_en : category.name_sw) || category.name_sw || category.name_en || category.id;
}

export function useCategories() {
  const { t, i18n } = useTranslation();
  const categories = useRouteQuery('categories.list', {}, { staleTime: 5 * 60_000 });
  const list = categories.data ?? [];
  const byId = new Map(list.map((category) => [category.id, category]));
  return {
    list,
    byId,
    name: (id: string) => categoryName(byId.get(id), id, i18n.language, t),
    /** Options for a select: the active categories, and `keep` even if it has since been retired. */
    options: (keep?: string | null) =>
      list.filter((category) => category.active || category.id === keep).map((category) => ({ value: category.id, label: categoryName(category, category.id, i18n.language, t) })),
  };
}
