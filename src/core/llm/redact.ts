// Keeps secrets out of traces, logs, reports and error messages. Known secret values (resolved
// API keys, sensitive header values) are replaced wherever they appear; credential-shaped text
// (bearer tokens, `sk-` keys, api-key headers, URL passwords) is masked even when not known.
import { printable } from '../text/printable';

const MASK = '[redacted]';

const PATTERNS: RegExp[] = [
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\bsk-[A-Za-z0-9_-]{12,}/g,
  /\b(api[-_]?key|x-api-key|authorization|access[-_]?token|password|secret)(["']?\s*[:=]\s*["']?)(?!Bearer\b|Basic\b|\[redacted\])[^\s"',;&}]{4,}/gi,
  /(\/\/[^/\s:@]+:)[^@\s/]+@/g,
];

/** Header names whose values are treated as secrets. */
export const SENSITIVE_HEADER = /auth|key|token|secret|cookie|password|signature/i;

/**
 * A secret as it may be written inside a JSON string: any character as itself or as a `\uXXXX`
 * escape (either case of hex), `/` also as `\/`. An endpoint that echoed a key JSON-escaped
 * (`sk\u002dCANARY…`) got past a mask of the plain text, and the parsed answer put it in the trace.
 */
function escapedForms(secret: string): RegExp {
  const one = (c: string): string => {
    const hex = c
      .charCodeAt(0)
      .toString(16)
      .padStart(4, '0')
      .replace(/[a-f]/g, (h) => `[${h}${h.toUpperCase()}]`);
    const plain = c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    // In the pattern: a literal backslash, `u`, the four hex digits (and, for `/`, a backslash then `/`).
    return `(?:${plain}|\\\\u${hex}${c === '/' ? '|\\\\/' : ''})`;
  };
  return new RegExp([...secret].map(one).join(''), 'g');
}

export class Redactor {
  private readonly secrets = new Set<string>();
  private readonly escaped = new Map<string, RegExp>();

  /** Registers a secret value; short values are ignored (they would mask ordinary words). */
  add(secret: string | undefined): this {
    if (secret && secret.length >= 6 && !this.secrets.has(secret)) {
      this.secrets.add(secret);
      this.escaped.set(secret, escapedForms(secret));
    }
    return this;
  }

  /** The registered secret values: for the redactor of a worker thread that makes calls (chatPool.ts). */
  values(): string[] {
    return [...this.secrets];
  }

  addHeaders(headers: Record<string, string> | undefined): this {
    for (const [name, value] of Object.entries(headers ?? {})) if (SENSITIVE_HEADER.test(name)) this.add(value);
    return this;
  }

  /**
   * Only the registered secret values masked: for a model's answers, where credential-shaped
   * prose ("the secret: tell nobody") is the persona talking, not a leak.
   */
  redactKnown(text: string): string {
    let out = text;
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join(MASK);
    // Escaped forms only where an escape could hide one (the common answer has none).
    if (out.includes('\\')) for (const re of this.escaped.values()) out = out.replace(re, MASK);
    return out;
  }

  redact(text: string): string {
    let out = this.redactKnown(text);
    out = out.replace(PATTERNS[0], (_m, scheme: string) => `${scheme} ${MASK}`);
    out = out.replace(PATTERNS[1], MASK);
    out = out.replace(PATTERNS[2], (_m, name: string, sep: string) => `${name}${sep}${MASK}`);
    out = out.replace(PATTERNS[3], (_m, user: string) => `${user}${MASK}@`);
    return out;
  }

  /**
   * One redacted line from any thrown value, capped so a server's HTML error page stays short.
   * Control characters are shown as escapes: the line reaches terminals, and an endpoint's text
   * must not be able to recolour or retitle them.
   */
  message(err: unknown, max = 300): string {
    return oneLine(this.redact(err instanceof Error ? err.message : String(err)), max);
  }
}

/**
 * A URL as it may be shown or recorded: user name and password (`http://user:pw@host`) and the
 * values of key-like query parameters (`?api-key=…`) masked, everything else as written, so the
 * result depends only on the URL (trace headers stay identical run to run).
 */
export function maskUrlCredentials(url: string): string {
  return url
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, `$1${MASK}@`)
    .replace(/([?&][^=&#]*(?:auth|key|token|secret|password|signature|sig)[^=&#]*=)[^&#]*/gi, `$1${MASK}`);
}

/** `text` on one printable line of at most `max` characters. */
export function oneLine(text: string, max: number): string {
  const line = printable(text.replace(/\s+/g, ' ').trim());
  return line.length > max ? line.slice(0, max - 1) + '…' : line;
}

/** The process-wide redactor: every key resolved by the model registry is registered here. */
export const secrets = new Redactor();
