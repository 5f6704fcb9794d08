import { message } from '../../../shared/i18n/translate';
import { chineseNumber } from '../../../shared/text/chinese-numbers';

// A group as every document names it: 第四组, as offices write it (one name in the 名册, the 座次表, the
// 胸牌, the 汇编, the handbook and the 房间安排表; `none` for someone in no group).
export const groupName = (group: number | null, none = ''): string =>
  group === null ? none : message('documents.groupN', { n: chineseNumber(group) });
