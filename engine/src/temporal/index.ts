export * from './activities';
export { decideUpdate, customerReplySignal, runStateQuery } from './workflows';
