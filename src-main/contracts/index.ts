export * from './okta-error.js';
export * from './links.js';
export * from './authorization-server.js';
export * from './user.js';
export * from './group.js';
export * from './trace.js';
export * from './events.js';
