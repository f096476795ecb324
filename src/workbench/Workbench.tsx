/**
 * The workbench: a workbook in the simulated Excel, shown as a grid read
 * through Microsoft's library, beside the real Plumbline pane in its frame at
 * a task pane's width. For demos without Excel, and for the end-to-end tests.
 */
import { Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { parseA1, rectA1 } from '../core/a1';
import type { ExcelGlobal } from '../hosts/excel/excel-types';
import type { ExcelSimulator } from '../sim/excel/excel-simulator';
import { offerBridge } from './bridge';
import { FormulaBar } from './FormulaBar';
import { readGridView, type GridView } from './grid-view';
import { spanning, type Cell } from './selection';
import { SheetGrid } from './SheetGrid';
import { Toolbar } from './Toolbar';
import { download, fetchSample, listSamples, openWorkbookBytes, workbookBytes } from './workbook-files';

const useStyles = makeStyles({
  book: { display: 'flex', flexDirection: 'column', minWidth: 0, height: '100vh' },
  header: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  sheet: { flex: 1, overflow: 'auto', minHeight: 0 },
  footer: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `0 ${tokens.spacingHorizontalM}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

const ORIGIN: Cell = { row: 0, column: 0 };

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface WorkbenchProps {
  excel: ExcelGlobal;
  /** The page's URL: samples and the pane's page are found beside it. */
  base: string;
  /** The sample to open first (`?sample=` in the address), else the monthly pack or the first one. */
  firstSample: string | null;
  /** The pane's frame, in the page from the start (web/workbench.html) so it loads alongside the workbench. */
  paneFrame: HTMLIFrameElement;
}

export function Workbench({ excel, base, firstSample, paneFrame }: WorkbenchProps): React.JSX.Element {
  const styles = useStyles();
  const run = useMemo(() => excel.run.bind(excel), [excel]);
  const sim = useRef<ExcelSimulator | null>(null);
  const opened = useRef(deferred<ExcelSimulator>());
  const refreshTimer = useRef<number | undefined>(undefined);
  const sheetArea = useRef<HTMLDivElement>(null);
  /** The last selection the grid made, to tell it from a move made by the pane. */
  const committed = useRef('A1');
  const [samples, setSamples] = useState<string[]>([]);
  const [fileName, setFileName] = useState<string | null>(null);
  const [view, setView] = useState<GridView | null>(null);
  const [anchor, setAnchor] = useState<Cell>(ORIGIN);
  const [focus, setFocus] = useState<Cell>(ORIGIN);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const next = await readGridView(run);
      setView(next);
      // The selection moved without the grid (the pane went to a cell): the grid follows.
      const rect = next.selection;
      if (rect && rectA1(rect) !== committed.current) {
        committed.current = rectA1(rect);
        setAnchor({ row: rect.top, column: rect.left });
        setFocus({ row: rect.bottom, column: rect.right });
      }
    } catch (error) {
      setProblem(`Cannot show the workbook: ${message(error)}`);
    }
  }, [run]);

  useEffect(() => {
    offerBridge(
      window,
      () => (sim.current ? Promise.resolve(sim.current) : opened.current.promise),
      () => {
        // The pane changed the workbook (or may have): redraw once its burst of requests is over.
        window.clearTimeout(refreshTimer.current);
        refreshTimer.current = window.setTimeout(() => void refresh(), 30);
      },
    );
  }, [refresh]);

  const open = useCallback(
    async (label: string, bytes: () => Promise<Uint8Array>, name: string) => {
      setBusy(label);
      setProblem(null);
      try {
        const next = await openWorkbookBytes(await bytes(), name);
        next.installOn(window);
        const first = sim.current === null;
        sim.current = next;
        setFileName(name);
        setAnchor(ORIGIN);
        setFocus(ORIGIN);
        committed.current = 'A1';
        await refresh();
        // A pane belongs to one workbook: opening another starts a new pane, as Excel does.
        if (first) opened.current.resolve(next);
        else paneFrame.contentWindow?.location.reload();
        setStatus(`Opened ${name}.`);
      } catch (error) {
        setProblem(`Cannot open ${name}: ${message(error)}`);
      } finally {
        setBusy(null);
      }
    },
    [refresh, paneFrame],
  );

  useEffect(() => {
    listSamples(base).then(
      (found) => {
        setSamples(found);
        // The monthly pack is where the demo's story starts; any other sample can be asked for by name.
        const first = [firstSample, 'ops-monthly.xlsx', found[0]].find((f) => f && found.includes(f));
        if (first) void open(`Opening ${first}…`, () => fetchSample(base, first), first);
      },
      (error: unknown) => setProblem(message(error)),
    );
  }, [base, firstSample, open]);

  // Another sheet or workbook opens at its top-left corner, as in Excel.
  const shownSheet = view ? `${fileName}|${view.activeSheet}` : '';
  useEffect(() => {
    // Recent Chromium returns a promise from scrollTo: nothing to wait for, and not a clean-up.
    void sheetArea.current?.scrollTo(0, 0);
  }, [shownSheet]);

  const select = useCallback(
    (nextAnchor: Cell, nextFocus: Cell) => {
      if (!sim.current || !view) return;
      setAnchor(nextAnchor);
      setFocus(nextFocus);
      committed.current = rectA1(spanning(nextAnchor, nextFocus));
      try {
        sim.current.select(view.activeSheet, committed.current);
      } catch (error) {
        setProblem(message(error));
      }
      void refresh();
    },
    [view, refresh],
  );

  async function activate(sheet: string): Promise<void> {
    try {
      await run(async (ctx) => {
        ctx.workbook.worksheets.getItem(sheet).activate();
        await ctx.sync();
      });
      setAnchor(ORIGIN);
      setFocus(ORIGIN);
      committed.current = 'A1';
      await refresh();
    } catch (error) {
      setProblem(message(error));
    }
  }

  function goTo(address: string): void {
    const rect = parseA1(address.replace(/\$/g, ''));
    if (!rect) {
      setProblem(`"${address}" is not a range address (for example C5:N7).`);
      return;
    }
    setProblem(null);
    select({ row: rect.top, column: rect.left }, { row: rect.bottom, column: rect.right });
  }

  async function save(): Promise<void> {
    if (!sim.current || !fileName) return;
    setBusy('Preparing the download…');
    try {
      download(window, await workbookBytes(sim.current), fileName);
      setStatus(`Downloaded ${fileName}.`);
    } catch (error) {
      setProblem(`Cannot save ${fileName}: ${message(error)}`);
    } finally {
      setBusy(null);
    }
  }

  const address = view?.selection ? rectA1(view.selection) : '';
  const cellText = view?.text[focus.row]?.[focus.column] ?? '';

  return (
    <>
      <main className={styles.book} aria-labelledby="workbench-title" aria-busy={busy !== null}>
        <header className={styles.header}>
          <div className={styles.title}>
            <Text as="h1" id="workbench-title" weight="semibold" size={500}>
              Plumbline workbench
            </Text>
            <Text>{fileName ?? 'No workbook open'}</Text>
            <Text size={200}>Excel simulated in this page; the pane on the right is the real add-in.</Text>
          </div>
          <Toolbar
            samples={samples}
            current={fileName}
            busy={busy !== null}
            canDownload={sim.current !== null}
            onOpenSample={(file) => void open(`Opening ${file}…`, () => fetchSample(base, file), file)}
            onUpload={(file) =>
              void open(
                `Opening ${file.name}…`,
                async () => new Uint8Array(await file.arrayBuffer()),
                file.name,
              )
            }
            onDownload={() => void save()}
            onReloadPane={() => paneFrame.contentWindow?.location.reload()}
          />
          {view && <FormulaBar address={address} cellText={cellText} onGo={goTo} />}
          {problem && (
            <div role="alert" className="problem">
              {problem}
            </div>
          )}
        </header>
        <div className={styles.sheet} ref={sheetArea}>
          {view && <SheetGrid view={view} anchor={anchor} focus={focus} onSelect={select} />}
        </div>
        <footer className={styles.footer}>
          {view && (
            <TabList
              size="small"
              aria-label="Sheets"
              selectedValue={view.activeSheet}
              onTabSelect={(_, d) => void activate(String(d.value))}
            >
              {view.sheets.map((sheet) => (
                <Tab key={sheet} value={sheet}>
                  {sheet}
                </Tab>
              ))}
            </TabList>
          )}
          <span className="legend">
            <span className="swatch" aria-hidden="true" /> Flagged by Plumbline: differs from the store
          </span>
          <span role="status" className="status">
            {busy ?? status}
          </span>
        </footer>
      </main>
    </>
  );
}
