export * from './audit-log.ts';
export * from './fabriques.ts';
export * from './users.ts';
