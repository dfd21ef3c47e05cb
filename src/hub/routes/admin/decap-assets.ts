/**
 * The Decap CMS bundle as shipped in the pinned npm package, and Netlify
 * Identity's widget when the git-gateway backend needs it: served from the
 * hub, never from a CDN.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { usesIdentityWidget } from '../../../views/cms.ts';

/** The widget's prebuilt file (it sets window.netlifyIdentity, which Decap's git-gateway backend reads when it loads). */
export const IDENTITY_WIDGET = 'netlify-identity-widget.js';

function identityWidgetFile(projectRoot = process.cwd()): string {
  const require = createRequire(path.join(projectRoot, 'package.json'));
  return path.join(path.dirname(require.resolve('netlify-identity-widget/package.json')), 'build', IDENTITY_WIDGET);
}

/** The folder of the decap-cms package's prebuilt bundle. */
export function decapDist(projectRoot = process.cwd()): string {
  const require = createRequire(path.join(projectRoot, 'package.json'));
  return path.join(path.dirname(require.resolve('decap-cms/package.json')), 'dist');
}

/** The files the browser loads: the entry bundle, its lazily loaded chunks and WebAssembly, and their licences. */
export function decapAssets(dir = decapDist()): string[] {
  return readdirSync(dir)
    .filter((file) => /^(?:\d+\.)?decap-cms\.js$|\.wasm$|^decap-cms\.js\.LICENSE\.txt$/.test(file))
    .sort();
}

export const ASSET_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * getStaticPaths and GET for the bundle files with one extension. The route
 * file names carry the extension (`[file].js.ts`), so Astro serves
 * /admin/decap-cms.js as a file and never adds a trailing slash.
 */
export function decapRoute(extension: '.js' | '.wasm' | '.txt') {
  return {
    getStaticPaths: () =>
      decapAssets()
        .concat(extension === '.js' && usesIdentityWidget() ? [IDENTITY_WIDGET] : [])
        .filter((asset) => asset.endsWith(extension))
        .map((asset) => ({ params: { file: asset.slice(0, -extension.length) } })),
    GET: ({ params }: { params: Record<string, string | undefined> }) => {
      const asset = `${params.file}${extension}`;
      const file = asset === IDENTITY_WIDGET && usesIdentityWidget() ? identityWidgetFile() : decapAssets().includes(asset) ? path.join(decapDist(), asset) : undefined;
      if (!file) return new Response(null, { status: 404 });
      return new Response(readFileSync(file), { headers: { 'Content-Type': ASSET_TYPES[extension]! } });
    },
  };
}
