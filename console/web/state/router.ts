// The address bar as state: pages follow `route`, links and redirects call navigate(), and the
// browser's back and forward buttons work because every change is a history entry.
import { signal } from '@preact/signals';
import { pathPattern } from '../../../protocol/api/route.js';

export const route = signal(location.pathname);

addEventListener('popstate', () => {
  route.value = location.pathname;
});

/** Goes to `path`, which may carry a query (?ticket=3); pages are matched on the path alone. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname + location.search) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  route.value = location.pathname;
  scrollTo(0, 0);
}

/**
 * A page's path pattern such as /devices/:id, compiled once (pages are matched on every render):
 * the matcher gives the decoded parameters when a path matches it (a trailing slash allowed), else null.
 */
export function pageRoute(pattern: string): (path: string) => Record<string, string> | null {
  const regex = pathPattern(pattern, { trailingSlash: true });
  return (path) => {
    const match = regex.exec(path);
    if (!match) return null;
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) params[name] = safeDecode(value);
    return params;
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
