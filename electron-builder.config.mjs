// Packaging (`npm run dist`). The app carries its own Electron build of better-sqlite3 as a resource
// (made by scripts/electron-native.mjs), so electron-builder must not rebuild node_modules: that
// rebuild would overwrite the Node build that the tests and the CLI use.

/** @type {import('electron-builder').Configuration} */
export default {
  appId: 'cn.partyschool.cadre-training-desk',
  productName: '党校培训班管理',
  executableName: 'cadre-training-desk',
  copyright: 'Copyright © 2026',
  directories: { output: 'dist', buildResources: 'build' },
  files: [
    'out/**',
    'package.json',
    '!node_modules/better-sqlite3/build/**',
    '!node_modules/better-sqlite3/deps/**',
    '!node_modules/better-sqlite3/src/**',
  ],
  extraResources: [{ from: '.electron-native/better_sqlite3.node', to: 'native/better_sqlite3.node' }],
  npmRebuild: false,
  nodeGypRebuild: false,
  asar: true,
  // Packaged, the binary refuses to act as plain Node, to take NODE_OPTIONS or to open a debugger
  // port, and loads only its own verified app.asar.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  // File names stay ASCII (an installer is mailed, copied to USB sticks, put on shares); the app's
  // Chinese name is what people see once it is installed.
  win: { target: [{ target: 'nsis', arch: ['x64'] }], icon: 'build/icon.png' },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    artifactName: 'cadre-training-desk-${version}-setup-${arch}.${ext}',
    shortcutName: '党校培训班管理',
  },
  // UOS and Kylin run on x64 and on arm64 (Kunpeng, Phytium) machines. Each is built on its own
  // architecture: the app carries a native SQLite build of the machine that packages it (npm run
  // dist passes that architecture).
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ],
    category: 'Office',
    icon: 'build/icon.png',
    maintainer: 'Cadre Training Desk',
    synopsis: '党校培训班管理',
    artifactName: 'cadre-training-desk-${version}-${arch}.${ext}',
    desktop: {
      entry: {
        Name: '党校培训班管理',
        'Name[zh_CN]': '党校培训班管理',
        'Name[en]': 'Cadre Training Desk',
        Comment: '培训班次、名册、课程安排、现场教学与调研报告',
        Keywords: 'dangxiao;peixun;training;',
      },
    },
  },
  mac: { target: ['dmg'], category: 'public.app-category.education', icon: 'build/icon.png' },
};
