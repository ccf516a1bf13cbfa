import '@atlaskit/css-reset';
import { FlagsProvider } from '@atlaskit/flag';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { view } from '@forge/bridge';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
// Composes every capability's messages and installs them in the shell before anything is translated.
import './catalogue';
import { parseProductContext, ProductContextProvider, routeOf, type ProductContext } from './shell/context';
import { I18nProvider } from './shell/i18n';
import { CrashNotice, Loading, SurfaceBoundary } from './shell/placeholders';
import { surfaceFor } from './surfaces';

/** Only the project page has sub-pages; elsewhere Forge may not offer a history at all. */
async function readRoute(moduleKey: string): Promise<string | undefined> {
  if (moduleKey !== 'vertebra-project-page') return undefined;
  try {
    const history = await view.createHistory();
    return routeOf(history.location.pathname);
  } catch {
    return undefined;
  }
}

async function start(): Promise<void> {
  const raw: unknown = await view.getContext();
  const moduleKey =
    typeof raw === 'object' && raw !== null && 'moduleKey' in raw && typeof raw.moduleKey === 'string'
      ? raw.moduleKey
      : '';
  const context: ProductContext = parseProductContext(raw, await readRoute(moduleKey));
  // The host keeps its theme in sync when theming is enabled; the context's colour mode covers the first paint.
  await view.theme.enable().catch(() => undefined);
  await setGlobalTheme({ colorMode: context.colorMode, light: 'light', dark: 'dark', spacing: 'spacing' });
  render(context);
}

function render(context: ProductContext): void {
  const element = document.getElementById('root');
  if (!element) throw new Error('index.html has no #root element');
  const Surface = surfaceFor(context.moduleKey, context.route);
  createRoot(element).render(
    <StrictMode>
      <ProductContextProvider value={context}>
        <I18nProvider locale={context.locale}>
          <FlagsProvider>
            <SurfaceBoundary fallback={(error) => <CrashNotice error={error} />}>
              <Suspense fallback={<Loading />}>
                <Surface />
              </Suspense>
            </SurfaceBoundary>
          </FlagsProvider>
        </I18nProvider>
      </ProductContextProvider>
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  // Without a context there is no language either: a plain English line is the best that can be shown.
  const root = document.getElementById('root');
  if (root)
    root.textContent = `Vertebra could not start: ${error instanceof Error ? error.message : String(error)}`;
  console.error(error);
});
