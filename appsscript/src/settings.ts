/**
 * The pane's per-user settings (store URL, token) in the user's own
 * properties: never in the spreadsheet, which others can open.
 * https://developers.google.com/apps-script/reference/properties/properties-service#getuserproperties
 */
const PREFIX = 'plumbline.';

/** All of Plumbline's settings of this user, so the sidebar reads them in one call when it opens. */
export function getSettings(): Record<string, string> {
  const all = PropertiesService.getUserProperties().getProperties();
  return Object.fromEntries(
    Object.entries(all)
      .filter(([k]) => k.startsWith(PREFIX))
      .map(([k, v]) => [k.slice(PREFIX.length), v]),
  );
}

export function getSetting(key: string): string | null {
  return PropertiesService.getUserProperties().getProperty(PREFIX + key);
}

export function setSetting(key: string, value: string): void {
  PropertiesService.getUserProperties().setProperty(PREFIX + key, value);
}

export function removeSetting(key: string): void {
  PropertiesService.getUserProperties().deleteProperty(PREFIX + key);
}
