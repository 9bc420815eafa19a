import { defineMethod } from '../method';
import { SearchInput, SearchOutput } from '../schemas/search';

export const searchMethods = {
  'search.global': defineMethod({
    summary: 'Find records of every type by words, parts of words, email, phone digits or Chinese names; grouped by type, best first.',
    input: SearchInput,
    output: SearchOutput,
    kind: 'read',
    access: 'user',
  }),
};
