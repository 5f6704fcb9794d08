import type { zhCN } from '../../../shared/i18n/zh-CN';
import type { uiZhCN } from './zh-CN';

// The keys t() accepts are the ones the tables hold: a missing key is a compile error, never the key
// itself shown on screen. The shared tables and the UI's own are merged key by key (index.ts).
declare module 'i18next' {
  // Only an interface can be merged into i18next's own declaration.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN & typeof uiZhCN };
  }
}
