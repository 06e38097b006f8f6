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
  /** Whether the element is itself a post, as findPosts(its parent) would say; spares a search of a long parent. */
  isPost?(element: Element): boolean;
  extract(post: Element): Extraction | null;
  badgeAnchor(post: Element): Element;
  /** Facebook: true while « Voir plus » hides the end of the text. */
  isTruncated?(post: Element): boolean;
  /** True when the page is the platform's "unavailable / deleted" page for the post at this address. */
  isUnavailable?(document: Document): boolean;
  /**
   * True when this page, settled and scrolled to its end, shows every post of the captured post's thread, so its
   * absence proves it is gone. Timelines and lazily loaded or paginated threads are never complete.
   */
  threadComplete?(document: Document, captured: CapturedPost): boolean;
  /**
   * How « Répondre sur la plateforme » answers this post with `text` (the CM's final text): the platform's own reply
   * intent, composer or reply page, or a copy when the site has none. Never sends anything.
   */
  replyAction(post: Element, extraction: Extraction, text: string): ReplyAction;
  destroy(): void;
}

/** One captured post of the page, as GET /api/v1/captures/on-page answers (captures-on-page schema). */
interface CapturedPost {
  captureId: string;
  platform: string;
  postId: string;
  permalink: string | null;
  deletedSeenAt: string | null;
}

/** What « Répondre sur la plateforme » does on a site (content/reply.js builds composers). */
type ReplyAction =
  /** A page of the platform that opens its composer with the text in it (X's reply intent). */
  | { kind: 'intent'; url: string }
  /** A reply box in this page: opens it and inserts the text; false when no box appeared or took the text. */
  | { kind: 'composer'; open(text: string): Promise<boolean> }
  /** The engine's reply or quote page, which cannot be pre-filled: the text is copied first. */
  | { kind: 'page'; url: string }
  /** No way to reply from here that Vigie knows: the text is copied. */
  | { kind: 'copy' };

type VigieProblem = 'no_posts' | 'empty_author' | 'empty_text';

interface VigieCore {
  start(): Promise<void>;
  /** Stops watching and removes every badge and data-vigie-* attribute. */
  stop(): void;
  scan(): Promise<void>;
  /** automatic: Vigie captures by itself (content/autocapture.js); resolves with what the badge shows after. */
  capture(post: Element, options?: { automatic?: boolean }): Promise<any>;
  /** The worker sent a capture that waited in its queue: the post's badge says « Envoyée ». */
  captureSent(ref: { platform: string; postId: string }, captureId: string): void;
  status(): {
    adapter: string; platform: string; running: boolean; postsFound: number;
    counts: { critical: number; high: number; medium: number; low: number; none: number; pending: number };
    problems: { problem: VigieProblem; affected?: number; detail?: string }[];
    /** Captured posts of this tab seen deleted, by this page or earlier (content/deleted.js). */
    deleted: { captureId: string; seenAt: string }[];
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
  text?: {
    textOf(element: Element, options?: { blocks?: boolean }): string; hash(value: string): string;
    maker(document: Document): (tag: string, className?: string, text?: string) => HTMLElement;
  };
  badge?: any;
  /** content/badge-style.js: the badges' shared stylesheet. */
  badgeStyle?: { adopt(root: ShadowRoot): void };
  /** content/badge-panel.js: a badge's panel, built when first opened. */
  badgePanel?: {
    show(host: HTMLElement, view: any): boolean;
    fill(host: HTMLElement): boolean;
  };
  reply?: {
    composer(options: { near: Element; trigger?: Element | null; existing?: () => Element | null; waitMs?: number }): ReplyAction;
    control(candidates: Element[], names: string[]): Element | null;
    insertText(editor: Element, text: string): boolean;
  };
  responseView?: any;
  responses?: any;
  createXAdapter?: () => SiteAdapter;
  platformOf?: (adapter: SiteAdapter) => string;
  languageTag?: (lang: string | null | undefined) => string | null;
  pickAdapter?: (location: Location | URL, document: Document) => SiteAdapter | null;
  createCanary?: (options: any) => { restart(): void; check(found: number, extracted: any[]): void; problems(): any[] };
  createDeletedWatch?: (options: {
    window: Window & typeof globalThis; adapter: SiteAdapter; sendMessage: (message: object) => Promise<any>;
    settleMs?: number; maxSettleMs?: number;
  }) => { restart(): void; stop(): void; saw(extracted: Extraction[]): void; sightings(): { captureId: string; seenAt: string }[] };
  createChangeTracker?: (options: any) => { note(records: MutationRecord[]): boolean; requestFull(): void; take(): Element[] };
  /** content/frame-writes.js: DOM writes held for a frame the page renders anyway. */
  createFrameWrites?: (options: { window: Pick<Window, 'setTimeout' | 'clearTimeout'>; maxDelayMs?: number; now?: () => number }) => {
    defer(key: unknown, write: () => void, deadline?: number): void; flush(): void; pending(): number;
  };
  /** content/classify.js: what is sent to the worker, the answers kept by text hash. */
  createClassifier?: (options: { sendMessage: (message: object) => Promise<any>; platform: string }) => {
    cache: Map<string, any>;
    want(hash: string, extraction: Extraction): { id: string; text: string; lang?: string; platform: string } | null;
    send(batch: Map<string, any>, onAnswer: (hashes: Set<string>) => Promise<void>): Promise<void>;
  };
  /** content/draw.js: a post's state on its element and badge. */
  createPainter?: (options: any) => {
    track(el: Element, extraction: Extraction, hash: string): { fresh: boolean };
    unmark(el: Element): void; draw(el: Element): void; stop(): void;
  };
  /** content/capture-state.js: the worker's answer to a capture as a badge state, and its words. */
  captureState?: any;
  /** content/autocapture.js: when a post is captured without a click. */
  createAutoCapture?: (options: any) => { consider(el: Element, postId: string, risk: string): void; stop(): void };
  /** content/post-actions.js: capture and answer one post (core.js's maps shared). */
  createPostActions?: (options: any) => {
    capture(el: Element, options?: { automatic?: boolean }): Promise<any>;
    captureSent(ref: { platform: string; postId: string }, captureId: string): void;
    respond(el: Element, captureId?: string | null): void;
  };
  createCore?: (options: {
    window: Window & typeof globalThis; adapter: SiteAdapter; sendMessage: (message: object) => Promise<any>;
    onLeave?: () => void; noPostsAfterMs?: number;
  }) => VigieCore;
  running?: VigieCore;
  /** content/outline.js: the red frame around a captured post, drawn in the page for the viewport picture. */
  outline?: {
    show(window: Window, box: { x: number; y: number; width: number; height: number }): void;
    hide(window: Window): void;
    TAG: string;
    THICKNESS: number;
  };
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
