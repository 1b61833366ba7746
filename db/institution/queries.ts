import { first, type Store } from '../store/open.ts';
import type { Institution } from '../store/schema.ts';
import { INSTITUTION_ID } from './reducer.ts';

export function getInstitution(store: Store): Institution | undefined {
  return first(store, store.q.selectFrom('institution').selectAll().where('id', '=', INSTITUTION_ID));
}
