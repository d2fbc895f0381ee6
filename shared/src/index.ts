export * from './roles.ts';
export * from './permissions.ts';
export * from './reports.ts';
export * from './staff.ts';
export * from './audit.ts';
export * from './live.ts';
export * from './commune.ts';
export * from './emergency.ts';
