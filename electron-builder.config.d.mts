// Types for the packaging configuration, so that tests can read it checked.
import type { Configuration } from 'electron-builder';

declare const config: Configuration;
export default config;
