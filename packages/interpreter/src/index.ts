export { createReferenceValidator, type Validate } from './interpret.js';
export { evaluate, type Truth } from './conditions.js';
