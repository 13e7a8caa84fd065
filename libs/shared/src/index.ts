export * from './enums.js';
export * from './text.js';
export * from './reference.js';
export * from './redirect.js';
export * from './labels.js';
export * from './limits.js';
export * from './meeting-grid.js';
export * from './amount.js';
