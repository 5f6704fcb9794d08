import { describe, expect, it } from 'vitest';
import { isNetworkLocation, windowsDriveType } from './paths';

// "不能选网络位置": on Windows a share is reached as \\server\share or through a drive letter mapped to
// it (Z:\). Only Windows knows which letters are mapped; the tests answer for it through the seam.
describe('a network location on Windows', () => {
  const answering = (types: Record<string, string | undefined>) => {
    const asked: string[] = [];
    const query = (root: string) => {
      asked.push(root);
      return types[root.toUpperCase()];
    };
    return { asked, query };
  };

  it('is a mapped drive the system calls Network', () => {
    const system = answering({ 'Z:\\': 'Network', 'D:\\': 'Fixed', 'E:\\': 'Removable' });
    expect(isNetworkLocation('Z:\\培训数据', 'win32', system.query)).toBe(true);
    expect(isNetworkLocation('z:\\培训数据\\2019', 'win32', system.query)).toBe(true);
    expect(isNetworkLocation('D:\\培训数据', 'win32', system.query)).toBe(false);
    expect(isNetworkLocation('E:\\', 'win32', system.query)).toBe(false);
    expect(system.asked.map((root) => root.toUpperCase())).toEqual(['Z:\\', 'Z:\\', 'D:\\', 'E:\\']);
  });

  it('is any UNC path, without asking', () => {
    const system = answering({});
    expect(isNetworkLocation('\\\\fileserver\\教务处\\培训数据', 'win32', system.query)).toBe(true);
    expect(isNetworkLocation('//fileserver/教务处/培训数据', 'win32', system.query)).toBe(true);
    expect(system.asked).toEqual([]);
  });

  it('is not assumed when the system cannot be asked: the folder is taken as local', () => {
    // Refusing every drive where PowerShell is blocked would leave the person no data folder at all.
    expect(isNetworkLocation('Z:\\培训数据', 'win32', () => undefined)).toBe(false);
    // The real query, here where there is no powershell.exe: it fails, quietly, and says nothing.
    expect(windowsDriveType('Q:\\')).toBeUndefined();
    expect(isNetworkLocation('Q:\\培训数据', 'win32')).toBe(false);
    // Nothing that is not a drive root is put to the system.
    expect(windowsDriveType("'; Remove-Item C:\\ -Recurse; '")).toBeUndefined();
  });
});
