export * from './east-transfer.js';
export * from './evaluate.js';
export * from './policy.js';
export * from './transfer-matching.js';
