/**
 * The user's calendar day (`YYYY-MM-DD`): a period starts on the owner's own
 * date, which the store's clock agrees with within hours; core's rules take it as an argument.
 */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
