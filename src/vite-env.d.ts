/// <reference types="vite/client" />

/** The ES build's entry file name (src/index.ts); empty in the classic script, the CLI and tests. */
declare const __ENTRY_FILE__: string;
