export { createIcreatSource } from './createIcreatSource'
export { testIcreatKey } from './testIcreatKey'
export { revisionsFromSwagger } from './discoverRevision'
