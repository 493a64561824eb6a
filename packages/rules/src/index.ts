export * from './appeal-flow.js';
export * from './credit-code.js';
export * from './industry.js';
export * from './money.js';
export * from './origin.js';
export * from './pipeline-rollup.js';
export * from './stage.js';
export * from './working-days.js';
