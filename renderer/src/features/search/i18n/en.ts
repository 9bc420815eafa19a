/** Global search and the command palette, English. */
export const searchEn = {
  open: 'Search and commands',
  shortcutHint: '{{mod}} K',
  paletteTitle: 'Search and commands',
  palettePlaceholder: 'Search records or type a command…',
  resultsLabel: 'Search results',
  searching: 'Searching…',
  noResults: 'Nothing found for “{{q}}”',
  failed: 'Search failed: {{message}}',
  matchedOn: 'matched {{field}}',
  keyboardHint: '↑ ↓ move · Enter opens · Esc closes',
  moreInPalette: 'Commands and more: {{mod}} K',
  commandsGroup: 'Commands',
  commands: {
    goTo: 'Go to {{page}}',
    pipeline: 'Pipeline (board)',
    import: 'Import',
    switchLanguage: 'Switch language to {{language}}',
  },
};
