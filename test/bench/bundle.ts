import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface BundleFile { file: string, bytes: number, gzipBytes: number }
export interface BundleSize { measured: boolean, files: BundleFile[], jsGzip: number, cssGzip: number, totalGzip: number, note?: string }

/**
 * The sidebar's first-screen JavaScript and CSS, gzipped (level 9, as a static server
 * would precompress): index.html's entry script, its modulepreloads and stylesheets, and
 * every chunk those import statically (transitively). Lazily loaded chunks (`import()`)
 * are not on the first screen and are left out.
 */
export function firstScreenBundle(webDist: string): BundleSize {
  const indexFile = resolve(webDist, 'index.html')
  if (!existsSync(indexFile)) return { measured: false, files: [], jsGzip: 0, cssGzip: 0, totalGzip: 0, note: `${indexFile} missing: run pnpm build` }
  const html = readFileSync(indexFile, 'utf8')
  const refs = [
    ...html.matchAll(/<script[^>]+type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g),
  ].map(m => m[1]!).filter(href => !/^(?:https?:)?\/\//.test(href))
  const seen = new Set<string>()
  const queue = refs.map(href => resolve(webDist, `.${href.startsWith('/') ? '' : '/'}${href}`))
  while (queue.length > 0) {
    const file = queue.shift()!
    if (seen.has(file) || !existsSync(file)) continue
    seen.add(file)
    if (!file.endsWith('.js')) continue
    const code = readFileSync(file, 'utf8')
    // Static imports only: `import{a}from"./x.js"`, `import"./y.js"`, `export*from"./z.js"`; not `import("…")`.
    for (const m of code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+\.(?:js|css))["']/g)) {
      const spec = m[1]!
      queue.push(spec.startsWith('/') ? resolve(webDist, `.${spec}`) : resolve(dirname(file), spec))
    }
  }
  const files = [...seen].map((file) => {
    const buf = readFileSync(file)
    return { file: file.slice(webDist.length + 1), bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length }
  })
  const sum = (ext: string) => files.filter(f => f.file.endsWith(ext)).reduce((s, f) => s + f.gzipBytes, 0)
  return { measured: true, files, jsGzip: sum('.js'), cssGzip: sum('.css'), totalGzip: sum('.js') + sum('.css') }
}
