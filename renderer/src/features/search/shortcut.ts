/** How the palette's modifier key is written on this machine (Mantine's `mod` is ⌘ on Apple, Ctrl elsewhere). */
export const MOD_KEY = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘' : 'Ctrl';
