// The web console's first page as a browser downloads it: the script, module preloads and
// stylesheets index.html names (lazy chunks, such as the charts and the terminal, are not in it),
// each raw and gzipped (zlib's default level, what a server or proxy compressing on the fly sends).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  files: Array<{ file: string; bytes: number; gzipBytes: number }>;
  bytes: number;
  gzipBytes: number;
}

export function firstPageBundle(webDir: string): BundleSize {
  const html = readFileSync(join(webDir, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (match) => match[1]!,
  );
  const files = assets.map((file) => {
    const content = readFileSync(join(webDir, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content).length };
  });
  const sum = (key: 'bytes' | 'gzipBytes') => files.reduce((total, file) => total + file[key], 0);
  return { files, bytes: sum('bytes'), gzipBytes: sum('gzipBytes') };
}
