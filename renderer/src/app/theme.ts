import type { ThemeConfig } from 'antd';

// The school's look: one blue for buttons and links, squarer corners, the fonts a Chinese office
// PC has. Also read when the renderer is built, to write antd's styles for it ahead of time
// (electron.vite.config.ts): change it here only.
export const theme = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    borderRadius: 4,
    fontFamily: "'Microsoft YaHei', 'WenQuanYi Micro Hei', 'PingFang SC', sans-serif",
  },
} satisfies ThemeConfig;
