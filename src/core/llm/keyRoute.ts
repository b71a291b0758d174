// Where a key may go. A scenario file names a model, a `base_url` and the variable holding the key
// (`api_key_env`); a file someone shared must not, by itself, send any secret of the environment
// to a host of its choosing. A provider's conventional key going to that provider's own host over
// https (keyHosts.ts) needs no word; any other pairing needs the user's: `--allow-key VAR@HOST[:PORT]`
// (the CLI), SOCIETY_ALLOW_KEYS=VAR@HOST[:PORT],… (scripts, CI, `society mcp`'s children), or
// the editor's confirmation (remembered per workspace). The registry asks this before it reads a
// key, so every surface that builds models passes here.
import { type ModelConfig, traitsOf } from '../format';
import { isConventional } from './keyHosts';

/** A variable the user allowed to go to a host; `port` undefined: https on 443 only. */
export interface KeyAllowance {
  env: string;
  host: string;
  port?: number;
}

/** Where calls go: host normalised as URL does (lower case, IPv6 in brackets), no trailing dot. */
export interface KeyTarget {
  host: string;
  port: number;
  secure: boolean;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[^\s:/@[\]?#\\]+)(?::(\d{1,5}))?$/;

/** A host as URL normalises it, without trailing dots (`a.com.` is `a.com`); undefined if not a host. */
function normalHost(host: string): string | undefined {
  try {
    const h = new URL(`http://${host}/`).hostname.replace(/\.+$/, '');
    return h === '' ? undefined : h;
  } catch {
    return undefined;
  }
}

/** The host and port a base URL calls; undefined when it is not an http(s) URL. */
export function keyTarget(baseUrl: string): KeyTarget | undefined {
  let u: URL;
  try {
    u = new URL(baseUrl);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  const secure = u.protocol === 'https:';
  const host = u.hostname.replace(/\.+$/, '');
  if (!host) return undefined;
  return { host, port: u.port ? Number(u.port) : secure ? 443 : 80, secure };
}

/** `VAR@HOST[:PORT]` as the user writes it; a sentence saying what is wrong otherwise. */
export function parseAllowance(text: string): KeyAllowance | string {
  const at = text.indexOf('@');
  const env = text.slice(0, at).trim();
  const where = text.slice(at + 1).trim();
  if (at < 0 || !ENV_NAME.test(env)) {
    return `'${text}' is not VAR@HOST[:PORT] (an environment variable's name, @, a host and maybe a port)`;
  }
  // A wildcard allowed nothing and read as if it allowed everything (issue 87): a key goes to one host.
  if (where.includes('*')) {
    return `'${text}': no wildcards: name the one host the key may go to (VAR@HOST or VAR@HOST:PORT)`;
  }
  const m = HOST_PORT.exec(where);
  const host = m ? normalHost(m[1]) : undefined;
  const port = m?.[2] === undefined ? undefined : Number(m[2]);
  if (!host || (port !== undefined && (port < 1 || port > 65535))) {
    return `'${text}': '${where}' is not HOST or HOST:PORT (e.g. localhost:8000, [::1]:8000, llm.example.com)`;
  }
  return port === undefined ? { env, host } : { env, host, port };
}

/**
 * The allowances of a list of `VAR@HOST[:PORT]` entries and of SOCIETY_ALLOW_KEYS (comma or space
 * separated). Throws on an entry that is not one: a mistyped allowance silently allowing nothing
 * would send the user hunting.
 */
export function keyAllowances(
  given: readonly string[] = [],
  env: Record<string, string | undefined> = process.env,
): KeyAllowance[] {
  const entries = [...given, ...(env.SOCIETY_ALLOW_KEYS ?? '').split(/[\s,]+/)].filter((e) => e.trim() !== '');
  return entries.map((e) => {
    const a = parseAllowance(e);
    if (typeof a === 'string') throw new Error(`key allowance ${a}`);
    return a;
  });
}

/** How the user writes the allowance of `env` to `target`: the port unless https on 443. */
export function allowanceText(env: string, t: KeyTarget): string {
  return `${env}@${t.host}${t.secure && t.port === 443 ? '' : `:${t.port}`}`;
}

/** Whether `env` may be sent to `target`: its provider's own host, or the user said so. */
export function keyMayGo(env: string, target: KeyTarget, allowed: readonly KeyAllowance[]): boolean {
  if (target.secure && target.port === 443 && isConventional(env, target.host)) return true;
  // A port-less allowance is https on 443 only: plain http on 80 would show the key to the network.
  return allowed.some(
    (a) =>
      a.env === env &&
      a.host === target.host &&
      (a.port === undefined ? target.secure && target.port === 443 : a.port === target.port),
  );
}

/**
 * Why the key in `env` may not go to `baseUrl` (named for `model`), with how to allow it; undefined
 * when it may.
 */
export function keyRouteRefusal(
  model: string,
  env: string,
  baseUrl: string,
  allowed: readonly KeyAllowance[],
): string | undefined {
  const target = keyTarget(baseUrl);
  if (!target) return `model '${model}' would send the key in ${env} to '${baseUrl}', which is not an http(s) URL`;
  if (keyMayGo(env, target, allowed)) return undefined;
  const allow = allowanceText(env, target);
  const why = isConventional(env, target.host)
    ? `${env} goes to ${target.host} only over https on its default port`
    : `${target.host} is not the host ${env} belongs to, and a scenario file may name a model but not, by itself, send a secret to a host of its choosing`;
  return (
    `model '${model}' would send the key in ${env} to ${allow.slice(env.length + 1)}: not sent, since ${why}. ` +
    `If you mean it, allow it with --allow-key ${allow} (or SOCIETY_ALLOW_KEYS=${allow} in the environment; in VS Code, answer the confirmation)`
  );
}

export class KeyRouteError extends Error {
  override readonly name = 'KeyRouteError';
}

/** Where a config's calls go: its `base_url`, else its provider's default. */
export function baseUrlOf(cfg: Pick<ModelConfig, 'base_url' | 'provider'>): string {
  return cfg.base_url ?? traitsOf(cfg.provider).defaultBaseUrl ?? '';
}

/**
 * keyRouteRefusal for a model config that sends a key (an endpoint provider with `api_key_env`);
 * undefined for every other config.
 */
export function configKeyRefusal(cfg: ModelConfig, allowed: readonly KeyAllowance[]): string | undefined {
  if (!cfg.api_key_env || !traitsOf(cfg.provider).endpoint) return undefined;
  return keyRouteRefusal(cfg.name, cfg.api_key_env, baseUrlOf(cfg), allowed);
}

/** A pairing that needs the user's word before a run: which model, which variable, which host. */
export interface KeyRouteAsk {
  model: string;
  env: string;
  /** Host, and port when not the default: as the user reads and writes it. */
  host: string;
  /** The allowance that would let it go (`VAR@HOST[:PORT]`). */
  allow: string;
}

/** The pairings of `configs` not yet allowed, each once (two models sending one key to one host ask once). */
export function unallowedKeyRoutes(configs: Iterable<ModelConfig>, allowed: readonly KeyAllowance[]): KeyRouteAsk[] {
  const asks = new Map<string, KeyRouteAsk>();
  for (const cfg of configs) {
    if (!cfg.api_key_env || !traitsOf(cfg.provider).endpoint) continue;
    const target = keyTarget(baseUrlOf(cfg));
    if (!target || keyMayGo(cfg.api_key_env, target, allowed)) continue;
    const allow = allowanceText(cfg.api_key_env, target);
    if (!asks.has(allow)) {
      asks.set(allow, { model: cfg.name, env: cfg.api_key_env, host: allow.slice(cfg.api_key_env.length + 1), allow });
    }
  }
  return [...asks.values()];
}
