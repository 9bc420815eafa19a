import type { HandlerMap } from '../handler';
import { globalSearch } from './global-search';

export const searchHandlers: HandlerMap<'search.global'> = {
  'search.global': (call, input) => globalSearch(call, input),
};
