export * from './audit-log.ts';
export * from './fabriques.ts';
export * from './integrations.ts';
export * from './outcomes.ts';
export * from './recruitment.ts';
export * from './users.ts';
