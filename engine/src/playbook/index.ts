export * from './catalog';
export * from './duration';
export * from './graph';
export * from './schema';
export * from './validate';
export * from './entry';
export * from './compile';
export * from './diff';
