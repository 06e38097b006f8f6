// Types for plain-JS type checking (jsconfig.json, checkJs); nothing here ships in the extension.

/** The namespace the content scripts share: each classic script adds its part (manifest order). */
interface Vigie {
  adapters: SiteAdapter[];
  text?: { textOf(element: Element, options?: { blocks?: boolean }): string; hash(value: string): string };
  badge?: any;
  createXAdapter?: () => SiteAdapter;
  pickAdapter?: (location: Location) => SiteAdapter | null;
  createCore?: (options: any) => any;
  running?: any;
}

// eslint-disable-next-line no-var
declare var vigie: Vigie | undefined;

/** Chrome's extension API; @types/chrome is not pulled in for a handful of calls. */
declare const chrome: any;
