// Types for plain-JS type checking (jsconfig.json, checkJs); nothing here ships in the extension.

/** What an adapter reads from one post (content/core.js Extraction). */
interface Extraction {
  id: string;
  permalink: string | null;
  author: { name: string; handle: string | null; profileUrl: string | null };
  publishedAt: string | null;
  /** The publication time exactly as the page shows it ("2 h", « 21 nov. »), where the adapter reads it. */
  publishedShown?: string | null;
  text: string;
  lang?: string | null;
  parentId?: string | null;
  counts?: { replies?: number; reposts?: number; likes?: number };
}

/** The contract every file in content/adapters/ follows (content/core.js SiteAdapter). */
interface SiteAdapter {
  /** The adapter's own name: x, old-reddit, phpbb, schema-org … */
  name: string;
  /** The shared schemas' platform (x, reddit, schema_org …); the core uses name when it is absent. */
  platform?: string;
  /** Recognises the engine from the page itself, not from the domain alone. */
  matches(location: Location | URL, document: Document): boolean;
  findPosts(root: ParentNode): Element[];
  extract(post: Element): Extraction | null;
  badgeAnchor(post: Element): Element;
  /** Facebook: true while « Voir plus » hides the end of the text. */
  isTruncated?(post: Element): boolean;
  destroy(): void;
}

type VigieProblem = 'no_posts' | 'empty_author' | 'empty_text';

interface VigieCore {
  start(): Promise<void>;
  /** Stops watching and removes every badge and data-vigie-* attribute. */
  stop(): void;
  scan(): Promise<void>;
  capture(post: Element): Promise<void>;
  status(): {
    adapter: string; platform: string; running: boolean; postsFound: number;
    counts: { critical: number; high: number; medium: number; low: number; none: number; pending: number };
    problems: { problem: VigieProblem; affected?: number; detail?: string }[];
  };
}

/** The addresses one document showed, oldest first (content/evidence.js). */
interface VigieNavigationLog {
  note(): void;
  watch(): void;
  path(): { url: string; at: string }[];
}

/** The namespace the content scripts share: each classic script adds its part (manifest order). */
interface Vigie {
  adapters: SiteAdapter[];
  text?: { textOf(element: Element, options?: { blocks?: boolean }): string; hash(value: string): string };
  badge?: any;
  createXAdapter?: () => SiteAdapter;
  platformOf?: (adapter: SiteAdapter) => string;
  languageTag?: (lang: string | null | undefined) => string | null;
  pickAdapter?: (location: Location | URL, document: Document) => SiteAdapter | null;
  createCanary?: (options: any) => { restart(): void; check(found: number, extracted: any[]): void; problems(): any[] };
  createChangeTracker?: (options: any) => { note(records: MutationRecord[]): void; requestFull(): void; take(): Element[] };
  createCore?: (options: {
    window: Window & typeof globalThis; adapter: SiteAdapter; sendMessage: (message: object) => Promise<any>;
    onLeave?: () => void; noPostsAfterMs?: number;
  }) => VigieCore;
  running?: VigieCore;
  /** content/evidence.js: what a capture takes from the page, and the scrolling slices need. */
  evidence?: {
    postHtml(el: Element): string;
    createNavigationLog(options: { window: Window; now?: () => Date; max?: number }): VigieNavigationLog;
    topInset(window: Window, el: Element): number;
    capture(options: {
      window: Window & typeof globalThis; el: Element; metadata: Record<string, any>;
      sendMessage: (message: object) => Promise<any>; isCurrent: () => boolean;
    }): Promise<any>;
    navigation: VigieNavigationLog;
  };
  /** Set by main.js once an adapter recognised the page. */
  main?: { status(): object; setEnabled(enabled: boolean): void };
  [adapterFactory: `create${string}Adapter`]: (() => SiteAdapter) | undefined;
}

// eslint-disable-next-line no-var
declare var vigie: Vigie | undefined;

/** Chrome's extension API; @types/chrome is not pulled in for a handful of calls. */
declare const chrome: any;
