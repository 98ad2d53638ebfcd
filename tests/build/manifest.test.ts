import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

/** The custom-elements manifest, generated the way `npm run build` does (same config). */
async function manifest() {
  const out = mkdtempSync(join(tmpdir(), 'sc-cem-'));
  const cli = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
  const config = join(import.meta.dirname, 'cem.config.mjs');
  await promisify(execFile)('node', [cli, 'analyze', '--config', config, '--outdir', relative(root, out), '--quiet'], { cwd: root });
  return JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'));
}
async function manifestModule() {
  return (await manifest()).modules.find((m: any) => m.declarations.some((d: any) => d.customElement));
}
async function elementDeclaration() {
  return (await manifestModule()).declarations.find((d: any) => d.customElement);
}

describe('custom-elements.json', () => {
  it('describes <symptom-check> for IDEs: attributes, properties, events, parts and custom properties', async () => {
    const element = await elementDeclaration();
    expect(element.tagName).toBe('symptom-check');
    expect(element.attributes.map((a: any) => a.name)).toEqual(['rules-src', 'lang', 'persist', 'emergency-number']);
    expect(element.members.map((m: any) => m.name).sort()).toEqual(['fetchTimeout', 'rules']); // no #private ones
    expect(element.events.map((e: any) => e.name)).toEqual(['sc-ready', 'sc-step', 'sc-complete', 'sc-error', 'sc-language']);
    // Everything the README documents for theming is in the manifest, and the other way round.
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const documentedProps = new Set(readme.match(/--sc-[a-z-]+/g));
    expect(new Set(element.cssProperties.map((p: any) => p.name))).toEqual(documentedProps);
    const stylesheets = ['styles.css', 'late.css'].map((file) => readFileSync(join(root, 'src/ui', file), 'utf8')).join('\n');
    expect(new Set(stylesheets.match(/--sc-[a-z-]+/g))).toEqual(documentedProps);
    for (const part of element.cssParts.map((p: any) => p.name)) expect(readme).toContain(`\`${part}\``);
    // Every part the screens carry is described (a part nobody documents is one nobody styles).
    const screens = readdirSync(join(root, 'src/ui')).filter((file) => file.endsWith('.tsx')).map((file) => readFileSync(join(root, 'src/ui', file), 'utf8')).join('\n');
    const used = new Set([...screens.matchAll(/part="([^"]+)"/g)].flatMap((m) => m[1]!.split(' ')));
    expect([...used].filter((part) => !element.cssParts.some((p: any) => p.name === part))).toEqual([]);
    expect(element.slots.map((s: any) => s.name)).toEqual(['privacy']);
    expect(readme).toContain('slot="privacy"');
    for (const level of ['emergency', 'urgent', 'soon', 'routine', 'info']) expect(element.cssParts.map((p: any) => p.name)).toContain(`level-${level}`);
  }, 30_000);
  it('says which tag name defines the element, and what the published entry exports', async () => {
    const { path, exports, declarations } = await manifestModule();
    expect(path).toBe('dist/symptom-check.js');
    const entry = { module: 'dist/symptom-check.js' };
    expect(exports).toEqual([
      { kind: 'js', name: 'SymptomCheckElement', declaration: { name: 'SymptomCheckElement', ...entry } },
      { kind: 'js', name: 'defineSymptomCheck', declaration: { name: 'defineSymptomCheck', ...entry } },
      { kind: 'custom-element-definition', name: 'symptom-check', declaration: { name: 'SymptomCheckElement', ...entry } },
    ]);
    expect(declarations.find((d: any) => d.name === 'defineSymptomCheck')).toMatchObject({ kind: 'function', parameters: [{ name: 'tagName', type: { text: 'string' } }] });
  }, 30_000);
  it('names only files the package publishes (tools open the module it names)', async () => {
    const published: string[] = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).files;
    const named = JSON.stringify(await manifest()).match(/"(?:path|module)":"[^"]+"/g)!.map((m) => m.split('":"')[1]!.slice(0, -1));
    expect(named.length).toBeGreaterThan(0);
    for (const file of named) expect(published.some((dir) => file.startsWith(`${dir}/`)), file).toBe(true);
  }, 30_000);
});
