// The app's colours, in one place: antd's design tokens, set so that text reaches WCAG AA contrast
// (4.5:1) on white and on the grey table headers. antd's defaults do not: links (#1677ff) 4.1:1,
// secondary text 3.4:1, placeholders 1.8:1, warning text 1.9:1. Preset-colour tags (gold 区重点
// 2.8:1, green, cyan, warning) and danger buttons are not reached by these tokens: styles.css
// gives them the 8th shade of their hue.
// Components take colours from these tokens (theme.useToken(), or var(--ant-…) in CSS), never as
// literals, so a change here reaches every screen.
import type { ThemeConfig } from 'antd'

/** The brand blue (6.1:1 on white). */
export const BRAND = '#1f5fbf'

// Secondary text and placeholders: black at 58% is 4.7:1 on white, 4.5:1 on #fafafa.
const SOFT_TEXT = 'rgba(0, 0, 0, 0.58)'

export const THEME: ThemeConfig = {
  // antd's component styles come from its prebuilt stylesheet (imported in main.tsx) instead of being
  // generated, serialised and inserted as <style> elements while the first page renders: that work
  // and the style recalculations it forced were about a fifth of the first page's main-thread time.
  // The tokens below still apply: antd writes them as CSS variables, which the stylesheet reads.
  zeroRuntime: true,
  token: {
    colorPrimary: BRAND,
    colorInfo: BRAND,
    colorLink: BRAND,
    borderRadius: 6,
    colorTextTertiary: SOFT_TEXT,
    colorTextDescription: SOFT_TEXT,
    colorTextPlaceholder: SOFT_TEXT,
    colorErrorText: '#cf1322',
    colorWarningText: '#ad4e00',
    colorSuccessText: '#237804',
  },
}
