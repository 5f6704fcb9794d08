import { describe, expect, it } from 'vitest';
import { enUS } from '../../../shared/i18n/en-US';
import { zhCN } from '../../../shared/i18n/zh-CN';
import { uiEnUS } from './en-US';
import { mergeMessages } from './index';
import { uiZhCN } from './zh-CN';

const keysOf = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key))
    : [prefix];

describe('the message tables', () => {
  it('merge the UI strings into the shared ones without one hiding the other', () => {
    const shared = new Set(keysOf(zhCN));
    expect(keysOf(uiZhCN).filter((key) => shared.has(key))).toEqual([]);
    const merged = keysOf(mergeMessages(zhCN, uiZhCN));
    expect(merged).toEqual(
      expect.arrayContaining(['classes.copySuffix', 'classes.listTitle', 'roster.entryNotFound', 'roster.tab']),
    );
    expect(merged).toHaveLength(keysOf(zhCN).length + keysOf(uiZhCN).length);
  });

  it('say the same things in Chinese and English', () => {
    expect(keysOf(enUS).sort()).toEqual(keysOf(zhCN).sort());
    expect(keysOf(uiEnUS).sort()).toEqual(keysOf(uiZhCN).sort());
  });

  it('name in Chinese the columns of sites, households, stays and surveys that the audit log shows', () => {
    // A change to a teaching point or a household showed "address", "active", "beds" as field names.
    const columns = zhCN.audit.columns as Record<string, string>;
    const shown = [
      'address',
      'active',
      'base_id',
      'contact_phone',
      'capacity',
      'head',
      'beds',
      'hosts',
      'mixed_rooms',
      'arrive',
      'depart',
      'locked',
      'items',
      'scores',
      'comment',
    ];
    expect(shown.filter((key) => !columns[key])).toEqual([]);
  });
});
