/** The hub's configuration at runtime, served by the hub() integration (src/hub/runtime-config.ts). */
declare module 'virtual:hub/config' {
  type Config = import('./runtime-config.ts').RuntimeConfig;
  export const settings: Config['settings'];
  export const now: Config['now'];
  export const command: Config['command'];
  export const paths: Config['paths'];
  export const cards: Config['cards'];
  export const cms: Config['cms'];
  export const search: Config['search'];
  export const language: Config['language'];
  export const settingsProblems: Config['settingsProblems'];
  export const pageReads: Config['pageReads'];
  export const factLines: Config['factLines'];
}
