/**
 * The workbench page: Microsoft's Excel library is loaded before this bundle
 * (web/workbench.html); the simulated workbook is installed on it once open.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import type { ExcelGlobal } from '../hosts/excel/excel-types';
import { Workbench } from './Workbench';

const scope = globalThis as unknown as { Excel?: ExcelGlobal };

const query = new URLSearchParams(window.location.search);
/** `?paneWidth=320` shows the pane at another width (300–500 px, the range a task pane takes). */
const paneWidth = Math.min(500, Math.max(300, Number(query.get('paneWidth')) || 350));

document.documentElement.style.setProperty('--pane-width', `${paneWidth}px`);
const paneFrame = document.getElementById('pane') as HTMLIFrameElement;
const root = createRoot(document.getElementById('root')!);
const excel = scope.Excel;
if (!excel) {
  root.render(
    <p style={{ padding: 16 }}>Microsoft&apos;s Excel library did not load: rebuild with npm run build.</p>,
  );
} else {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <Workbench
        excel={excel}
        base={window.location.href}
        firstSample={query.get('sample')}
        paneFrame={paneFrame}
      />
    </FluentProvider>,
  );
}
