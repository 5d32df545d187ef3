/** The one contract shared by main, preload and renderer. */
export * from './fields';
export * from './records';
export * from './errors';
export * from './channels';
export * from './events';
export * from './bridge';
