import type { ApiOutput, ApiParsedInput, MethodName } from '../../../shared/api/contract';
import type { HandlerContext } from '../context';

export type Handler<K extends MethodName> = (input: ApiParsedInput<K>, ctx: HandlerContext) => Promise<ApiOutput<K>>;
export type Handlers = { [K in MethodName]: Handler<K> };
