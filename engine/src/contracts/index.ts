/** Wire contracts: the shapes the api sends and the editor reads. Pure types, browser-safe. */
export * from './samples';
export * from './desks';
export * from './recorded-runs';
