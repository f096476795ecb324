/**
 * The task pane, the same in Excel, Google Sheets and the workbench: signs
 * the user in, then offers the jobs their role allows.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { fetchDemoPersonas } from '../client/store-client';
import { storeUrlOf } from '../core/link-format';
import type { PaneDeps } from './pane-deps';
import { Workspace } from './shell/Workspace';
import { clearSession, loadSession, saveSession, type Session } from './sign-in/session';
import { SignIn } from './sign-in/SignIn';

export function Pane({ deps }: { deps: PaneDeps }): React.JSX.Element {
  const { platform, host } = deps;
  const [session, setSession] = useState<Session | null>(() => loadSession(platform.storage));
  const [workbookStore, setWorkbookStore] = useState<string | null>(null);

  useEffect(() => {
    // Which store this workbook was linked with; a workbook Plumbline never touched has none.
    host.readMetadataRows().then(
      (rows) => setWorkbookStore(storeUrlOf(rows)),
      () => setWorkbookStore(null),
    );
  }, [host]);

  const signIn = useCallback(
    async (storeUrl: string, token: string): Promise<Session> => {
      const user = await deps.connect(storeUrl, token).me();
      const next: Session = { storeUrl, token, user };
      await saveSession(platform.storage, next);
      setSession(next);
      return next;
    },
    [deps, platform.storage],
  );

  const signOut = useCallback(() => {
    clearSession(platform.storage);
    setSession(null);
  }, [platform.storage]);

  const client = useMemo(
    () => (session ? deps.connect(session.storeUrl, session.token) : null),
    [deps, session],
  );

  return (
    <FluentProvider
      theme={platform.theme === 'dark' ? webDarkTheme : webLightTheme}
      style={{ minHeight: '100vh' }}
    >
      {session && client ? (
        <Workspace deps={deps} session={session} client={client} onSignOut={signOut} />
      ) : (
        <SignIn
          suggestedUrl={workbookStore ?? platform.defaultStoreUrl}
          suggestedFromWorkbook={workbookStore !== null}
          signIn={signIn}
          demoPersonas={deps.demoPersonas ?? ((url) => fetchDemoPersonas(url))}
        />
      )}
    </FluentProvider>
  );
}
