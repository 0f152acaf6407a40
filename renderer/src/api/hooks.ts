// React bindings for the API: queries are cached by method and input; mutations refresh them.
import { type UseQueryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Input, MethodName, Output } from '../../../electron/contract'
import { type ApiCallError, type CallInput, call } from './client'

export function useApiQuery<M extends MethodName>(
  method: M,
  input: Input<M>,
  options: Omit<UseQueryOptions<Output<M>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Output<M>, ApiCallError>({
    queryKey: [method, input],
    queryFn: () => call(method, input),
    ...options,
  })
}

/** A write: on success every cached query is refreshed (writes are rare; reads are cheap). */
export function useApiMutation<M extends MethodName>(method: M) {
  const queryClient = useQueryClient()
  return useMutation<Output<M>, ApiCallError, CallInput<M>>({
    // The client request id travels inside the input; dispatch takes it off before validation.
    mutationFn: (input) => call(method, input as Input<M>),
    onSuccess: () => queryClient.invalidateQueries(),
  })
}
