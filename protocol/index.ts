export * from './bytes.js';
export * from './close-codes.js';
export * from './enrollment.js';
export * from './envelope.js';
export * from './keys.js';
export * from './limits.js';
export * from './channel/handshake.js';
export * from './channel/session.js';
