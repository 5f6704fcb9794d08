// What `npm run dist` asks electron-builder for: this machine's platform and architecture (the app
// carries a native SQLite build of the machine that packages it, so another architecture would get
// the wrong one), unless the person names their own.
const platformFlags = { win32: '--win', linux: '--linux', darwin: '--mac' };
const archFlags = { x64: '--x64', arm64: '--arm64', ia32: '--ia32', arm: '--armv7l' };

export const builderArgs = (platform, arch, extra = []) => {
  const named = (flags) => extra.some((arg) => Object.values(flags).includes(arg));
  const platformFlag = platformFlags[platform];
  const archFlag = archFlags[arch];
  if (!platformFlag) throw new Error(`不支持在 ${platform} 上打包 / cannot package on ${platform}`);
  if (!archFlag) throw new Error(`不支持 ${arch} 架构 / cannot package for ${arch}`);
  return [
    '--config',
    'electron-builder.config.mjs',
    '--publish',
    'never',
    ...(named(platformFlags) ? [] : [platformFlag]),
    ...(named(archFlags) ? [] : [archFlag]),
    ...extra,
  ];
};
