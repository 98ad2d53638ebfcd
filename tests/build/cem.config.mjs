// The custom-elements manifest's config, for `npm run build` and the manifest test alike.
// packagejson: false: package.json's "customElements" field is written by hand.
export default {
  packagejson: false,
  plugins: [
    {
      name: 'symptom-check-manifest',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            // #private fields and methods are no one's API: IDEs need not list them.
            if (declaration.members) declaration.members = declaration.members.filter((member) => !member.name.startsWith('#'));
            // The element is defined by its tag name in src/index.ts, the package entry, which
            // the analyzer cannot follow (defineSymptomCheck takes the name as an argument).
            if (declaration.customElement) {
              mod.exports = [...(mod.exports ?? []), { kind: 'custom-element-definition', name: declaration.tagName, declaration: { name: declaration.name, module: mod.path } }];
            }
          }
        }
      },
    },
  ],
};
