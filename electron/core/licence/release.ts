/**
 * The day this version was released. A licence covers versions released up to its maintenance
 * date, so set this with the version number at every release (LICENSE-SERVER.md, "For the
 * vendor"), to the day the installers are published (latest.yml's releaseDate).
 */
export const APP_RELEASE_DATE = '2026-11-26';
