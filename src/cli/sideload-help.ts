import { DEV_ORIGIN } from '../store/addin-manifest';

/**
 * How to try the add-in against a store on this machine, as `npm start`
 * prints it: the workbench (no Excel needed), then sideloading into Excel on
 * the web and on the desktop. `url` is where the store listens.
 */
export function sideloadHelp(url: string): string[] {
  const { origin, protocol, port } = new URL(url);
  const secure = protocol === 'https:';
  const local = origin.replace('127.0.0.1', 'localhost');
  return [
    'Try the pane without Excel, on a sample workbook (the workbench):',
    `  ${local}/workbench.html`,
    '',
    'Use it in Excel (sideload the add-in):',
    ...(secure ? [] : ['  Excel loads add-ins only over https: see "HTTPS" above first.']),
    // manifest.xml names https://localhost:3000; another https address needs a manifest of its own.
    ...(!secure || port === new URL(DEV_ORIGIN).port
      ? []
      : [
          `  manifest.xml names ${DEV_ORIGIN}; for this store, make one and use it instead below:`,
          `    plumbline manifest --url ${local} --out plumbline.xml`,
        ]),
    '  Excel on the web: open a workbook, then Home > Add-ins > More Settings (older layouts: Insert >',
    '    Add-ins > Office Add-ins) > My Add-ins > Upload My Add-in, and choose manifest.xml.',
    '  Excel on Windows or Mac, with this store running:',
    '    npx office-addin-debugging start manifest.xml desktop',
    '    (npx fetches Microsoft\'s office-addin-debugging; "npx office-addin-debugging stop manifest.xml" removes it)',
    '  Then Home > Plumbline opens the pane: sign in with one of the tokens above.',
  ];
}
