export * from './actions';
export * from './client';
export * from './errors';
export * from './live';
export * from './sse';
export type * from './types';
export type * from './widgets';
