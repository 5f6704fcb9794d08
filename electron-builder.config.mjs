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
  win: { target: ['nsis'], icon: 'build/icon.png' },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    artifactName: 'cadre-training-desk-${version}-setup.${ext}',
    shortcutName: '党校培训班管理',
  },
  linux: { target: ['AppImage', 'deb'], category: 'Office', icon: 'build/icon.png', maintainer: 'Cadre Training Desk' },
  mac: { target: ['dmg'], category: 'public.app-category.education', icon: 'build/icon.png' },
};
