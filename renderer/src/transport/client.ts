import type { ApiInput, ApiOutput, MethodName } from '../../../shared/api/contract';
import type { DispatchEvent } from '../../../shared/api/events';
import type { ApiError, Result } from '../../../shared/errors';
import type { DispatchBridge } from './bridge';
import { createHttpBridge } from './http-bridge';

const httpBridge = window.dispatch ? null : createHttpBridge();
const bridge: DispatchBridge = window.dispatch ?? (httpBridge as DispatchBridge);

/** A failed call, thrown by `call` so that query caches and forms can show it. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }

  /** The message for one field, when the server named it. */
  fieldMessage(field: string): string | undefined {
    return this.error.issues?.find((issue) => issue.path[0] === field)?.message;
  }
}

/** The one typed client: the same in Electron and in the browser. */
export function invoke<K extends MethodName>(method: K, input: ApiInput<K>): Promise<Result<ApiOutput<K>>> {
  return bridge.invoke(method, input) as Promise<Result<ApiOutput<K>>>;
}

export async function call<K extends MethodName>(method: K, input: ApiInput<K>): Promise<ApiOutput<K>> {
  const result = await invoke(method, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

export function subscribe(type: DispatchEvent['type'] | '*', listener: (event: DispatchEvent) => void): () => void {
  return bridge.subscribe(type, listener);
}

/** After login or logout the browser's event stream must reopen with the new cookie. */
export function sessionChanged(): void {
  httpBridge?.reconnect();
}
