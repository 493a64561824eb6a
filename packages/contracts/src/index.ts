export * from './audit.js';
export * from './auth.js';
export * from './common.js';
export * from './errors.js';
export * from './modules.js';
export * from './notifications.js';
export * from './orgs.js';
export * from './roles.js';
