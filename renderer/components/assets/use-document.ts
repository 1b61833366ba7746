// Printing a form: the core makes the PDF, the window saves it as a download.
import { useMutation } from '@tanstack/react-query';
import type { RouteInput, RouteOutput } from '../../../db/contract/routes.ts';
import type { CallError } from '../../client/call-error.ts';
import { useClient } from '../../client/context.tsx';
import { saveFile } from './download.ts';

type DocumentRoute = 'documents.log-book-page' | 'documents.log-book-period' | 'documents.labels';

export function useDocument<K extends DocumentRoute>(route: K) {
  const { call } = useClient();
  return useMutation<RouteOutput<K>, CallError, RouteInput<K>>({
    mutationFn: (input) => call(route, input),
    onSuccess: (file) => saveFile(file),
  });
}
