import type { ThemeConfig } from 'antd';

// The school's look: one blue for buttons and links, squarer corners, the fonts a Chinese office
// PC has. Also read when the renderer is built, to write antd's styles for it ahead of time
// (electron.vite.config.ts): change it here only.
export const theme = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    // antd derives the light tints from the blue itself, and for one this dark they come out grey
    // (#c5ccd1): a selected table row or menu item looked disabled. The tints, chosen by eye.
    colorPrimaryBg: '#e6eef8',
    colorPrimaryBgHover: '#d3e0f2',
    borderRadius: 4,
    fontFamily: "'Microsoft YaHei', 'WenQuanYi Micro Hei', 'PingFang SC', sans-serif",
  },
} satisfies ThemeConfig;
