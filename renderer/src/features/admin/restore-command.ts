/** Quotes a path for a shell when it needs it (spaces, quotes): the command must run as copied. */
function shellQuote(value: string): string {
  return /^[\w@%+=:,./\\-]+$/.test(value) ? value : `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** The admin tool's restore command for one backup file and the server's data folder. */
export function restoreCommand(file: string, dataFolder: string): string {
  return `npm run admin -- restore ${shellQuote(file)} --data ${shellQuote(dataFolder)}`;
}
