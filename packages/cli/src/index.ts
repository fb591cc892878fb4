export { main, VERSION, type Streams } from './main.js';
export { EXIT } from './context.js';
