import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domains } from '../../../shared/contract';
import { openTempCore, type TempCore } from '../testing/temp-core';
import { domainOfTable, isSqliteTable, tableDomains } from './table-domains';

let t: TempCore;
beforeAll(() => {
  t = openTempCore();
});
afterAll(() => t.dispose());

describe('the domain of every table', () => {
  it('names a domain for every table the migrations create, and no table they do not', () => {
    const tables = t.core.db
      .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all()
      .filter((table) => !isSqliteTable(table));
    expect(tables.filter((table) => domainOfTable(table) === undefined)).toEqual([]);
    expect(Object.keys(tableDomains).filter((table) => !tables.includes(table))).toEqual([]);
  });

  it('names only domains of the contract', () => {
    expect(Object.values(tableDomains).filter((domain) => !domains.includes(domain))).toEqual([]);
  });
});
