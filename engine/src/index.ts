/**
 * @firebreak/engine: the pure, browser-safe core. Temporal code lives in
 * `@firebreak/engine/temporal` so that the editor never pulls it in.
 */
export * from './analysis';
export * from './playbook';
export * from './interpreter';
export * from './simulate';
export * from './templates';
export * from './events';
export * from './contracts';
