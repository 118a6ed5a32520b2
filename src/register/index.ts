/** The after-sales register's public API: open one, record cases, list, move, export. */
export * from './entry.js';
export { RegisterError, isRegisterError, type RegisterErrorKind } from './errors.js';
export { Register, defaultPage, maxPage, type Change, type EntryPage, type ListQuery, type RegisterOptions } from './store.js';
export { openRegister, openDatabase, isPostgresUrl, defaultRegisterFile, type OpenRegisterOptions } from './open.js';
export { migrations, schemaVersion, migrate, type Migration } from './migrations.js';
export { dayOf, isDay, isMoment, storedMoment } from './time.js';
