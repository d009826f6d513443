// The address bar as state: pages follow `route`, links and redirects call navigate(), and the
// browser's back and forward buttons work because every change is a history entry.
import { signal } from '@preact/signals';

export const route = signal(location.pathname);

addEventListener('popstate', () => {
  route.value = location.pathname;
});

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  route.value = path;
  scrollTo(0, 0);
}

/** The parameters of a pattern such as /devices/:id when the path matches it, else null. */
export function matchRoute(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const source = pattern.replace(/:(\w+)/g, (_whole, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`^${source}/?$`).exec(path);
  if (!match) return null;
  const params: Record<string, string> = {};
  names.forEach((name, index) => {
    params[name] = safeDecode(match[index + 1] ?? '');
  });
  return params;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
