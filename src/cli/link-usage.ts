/** The usage line of `plumbline link`, apart so `plumbline help` need not load the command. */
export const LINK_USAGE =
  'plumbline link FILE.xlsx --sheet NAME --values RANGE (--periods RANGE | --period KEY) --kpi ID[,ID…] ' +
  '[--scale N] [--fiscal-year-start MONTH] [--server URL --token T]';
