// The custom-elements manifest's config, for `npm run build` and the manifest test alike.
// packagejson: false: package.json's "customElements" field is written by hand.

/** The file a page or an app loads: the manifest names it, not the sources, which are not published. */
const ENTRY = 'dist/symptom-check.js';

export default {
  globs: ['src/element.ts', 'src/index.ts'],
  packagejson: false,
  plugins: [
    {
      name: 'symptom-check-manifest',
      packageLinkPhase({ customElementsManifest }) {
        const element = customElementsManifest.modules.find((mod) => mod.path === 'src/element.ts');
        const entry = customElementsManifest.modules.find((mod) => mod.path === 'src/index.ts');
        const elementClass = element.declarations.find((declaration) => declaration.customElement);
        // #private fields and methods are no one's API: IDEs need not list them.
        elementClass.members = (elementClass.members ?? []).filter((member) => !member.name.startsWith('#'));
        const define = entry.declarations.find((declaration) => declaration.name === 'defineSymptomCheck');
        for (const parameter of define.parameters ?? []) parameter.type ??= { text: 'string' };
        // Both sources are one bundle. Its exports are the element's class and defineSymptomCheck
        // (the rest of src/index.ts's exports are TypeScript types, not in the JavaScript), and it
        // defines the element by its tag name, which the analyzer cannot follow (defineSymptomCheck
        // takes the name as an argument).
        const from = (name) => ({ name, module: ENTRY });
        customElementsManifest.modules = [
          {
            kind: 'javascript-module',
            path: ENTRY,
            declarations: [elementClass, define],
            exports: [
              { kind: 'js', name: elementClass.name, declaration: from(elementClass.name) },
              { kind: 'js', name: define.name, declaration: from(define.name) },
              { kind: 'custom-element-definition', name: elementClass.tagName, declaration: from(elementClass.name) },
            ],
          },
        ];
      },
    },
  ],
};
