// The departments and locations a form may choose from: those in use, plus the one the record already
// names even if it has since been put out of use, so correcting a record never loses its place.
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useRouteQuery } from '../client/context.tsx';
import { SelectController, type SelectControllerProps } from './form-fields.tsx';

export function useDepartmentOptions(current: string | null | undefined) {
  const departments = useRouteQuery('departments.list', { status: 'all', limit: 200 });
  const options = (departments.data ?? [])
    .filter((department) => department.active === 1 || department.id === current)
    .map((department) => ({ value: department.id, label: department.code ? `${department.name} (${department.code})` : department.name }));
  return { options, none: departments.data?.length === 0 };
}

export function useLocationOptions(current: string | null | undefined) {
  const locations = useRouteQuery('locations.list', { status: 'all', limit: 200 });
  const options = (locations.data ?? [])
    .filter((location) => location.active === 1 || location.id === current)
    .map((location) => ({ value: location.id, label: location.building ? `${location.name} — ${location.building}` : location.name }));
  return { options, none: locations.data?.length === 0 };
}

export type PlaceChoices = ReturnType<typeof useDepartmentOptions>;

/** A department or location field: searchable, may be left empty, says so when none are registered yet. */
export function PlaceSelect<T extends FieldValues, O extends FieldValues>({
  choices,
  placeholder,
  nonePlaceholder,
  ...props
}: Omit<SelectControllerProps<T, O>, 'data' | 'placeholder'> & { choices: PlaceChoices; placeholder: string; nonePlaceholder: string }) {
  const { t } = useTranslation();
  return (
    <SelectController
      {...props}
      placeholder={choices.none ? nonePlaceholder : placeholder}
      data={choices.options}
      searchable
      clearable
      nothingFoundMessage={t('common.nothing-found')}
    />
  );
}
