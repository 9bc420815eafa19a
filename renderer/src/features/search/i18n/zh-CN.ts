import type { searchEn } from './en';

/** 全局搜索与命令面板，简体中文。 */
export const searchZhCN: typeof searchEn = {
  open: '搜索与命令',
  shortcutHint: '{{mod}} K',
  paletteTitle: '搜索与命令',
  palettePlaceholder: '搜索记录或输入命令…',
  resultsLabel: '搜索结果',
  searching: '正在搜索…',
  noResults: '未找到与“{{q}}”相关的内容',
  failed: '搜索失败：{{message}}',
  matchedOn: '匹配{{field}}',
  keyboardHint: '↑ ↓ 移动 · Enter 打开 · Esc 关闭',
  moreInPalette: '更多命令：{{mod}} K',
  commandsGroup: '命令',
  commands: {
    goTo: '前往{{page}}',
    pipeline: '销售管道（看板）',
    import: '导入',
    switchLanguage: '切换语言为 {{language}}',
  },
};
