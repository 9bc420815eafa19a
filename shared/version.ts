/** The app version, shown in health and the About box; kept equal to package.json by a test. */
export const APP_VERSION = '0.1.0';
