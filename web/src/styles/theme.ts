import type { ConfigProviderThemeVars } from 'vant'

/** The page's theme, through Vant's CSS variables only (STYLE §32). */
export const themeVars: ConfigProviderThemeVars = {
  primaryColor: '#07c160',
  tagPrimaryColor: '#07c160',
  tagPlainBackground: '#fff',
  tagFontSize: '13px',
  tagPadding: '2px 8px',
  tagRadius: '4px',
  cellGroupTitlePadding: '8px 8px 4px',
}
