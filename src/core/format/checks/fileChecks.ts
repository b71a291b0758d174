// Checks that need only one file: duplicate persona ids among its documents, reserved model
// names, models that share an endpoint with different limits, secrets in headers.
import type { Diagnostic } from '../model/diagnostics';
import type { ModelConfig, Range } from '../model/model';
import type { ParsedFile } from '../syntax/parse';
import type { Locator } from '../syntax/locate';
import { applyDefaults, leafError, societySchema } from '../schema/schema';
import { sharedLimits } from '../assemble/endpointLimits';
import { type Obj, isObj, mk } from './checkKit';
import { isReservedId, reservedIdDiagnostic } from './reservedIds';
import { pushAll } from '../../text/pushAll';
import { providerFieldDiagnostics } from './providerFields';

/** Checks that need only one file: duplicate persona ids among its documents, secrets. */
export function checkFile(file: ParsedFile, locators: Locator[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<string, Range>();
  for (const doc of file.documents) {
    const at = locators[doc.index];
    if (doc.kind === 'persona' && isObj(doc.value) && typeof doc.value.id === 'string') {
      const id = doc.value.id;
      const range = at.valueRange(['id']);
      const prev = first.get(id);
      if (prev) {
        out.push({
          ...mk(
            'SOC020',
            'error',
            `Duplicate persona id '${id}': it is already defined in this file`,
            file.file,
            range,
          ),
          related: [{ file: file.file, range: prev, message: 'first definition' }],
        });
      } else first.set(id, range);
      if (isReservedId(id)) out.push(reservedIdDiagnostic(id, file.file, range));
    }
    if (doc.kind === 'scenario' && isObj(doc.value) && isObj(doc.value.models)) {
      pushAll(out, sharedEndpointDiagnostics(doc.value.models, at, file.file));
      pushAll(out, providerFieldDiagnostics(doc.value.models, at, file.file));
      for (const [name, m] of Object.entries(doc.value.models)) {
        // A plain object cannot hold a key named __proto__ (assigning it sets the prototype): the
        // model would vanish between the check and the run.
        if (name === '__proto__') {
          out.push(
            mk(
              'SOC023',
              'error',
              "Model name '__proto__' is reserved (a built-in property name): choose another name",
              file.file,
              at.keyRange(['models', name]),
            ),
          );
        }
        if (!isObj(m) || !isObj(m.headers)) continue;
        for (const [header, value] of Object.entries(m.headers)) {
          if (typeof value === 'string' && looksLikeSecret(header, value)) {
            out.push(
              mk(
                'SOC041',
                'warning',
                `Header '${header}' of model '${name}' looks like a secret: keep keys out of files (use \`api_key_env\` or Society: Set API Key)`,
                file.file,
                at.valueRange(['models', name, 'headers', header]),
              ),
            );
          }
        }
      }
    }
  }
  return out;
}

const LIMITS = ['concurrency', 'rpm', 'tpm'] as const;

/**
 * Model configs that call the same model at the same endpoint share one limiter with the strictest
 * limits (format/assemble/endpointLimits.ts); when they set different limits, say so at each of them.
 */
function sharedEndpointDiagnostics(raw: Obj, at: Locator, file: string): Diagnostic[] {
  // No prototype: a model named __proto__ is an entry like any other.
  const configs: Record<string, ModelConfig> = Object.create(null);
  for (const [name, m] of Object.entries(raw)) {
    if (endpointFieldsFit(m)) {
      configs[name] = { name, ...(applyDefaults(societySchema.$defs.model, m) as object) } as ModelConfig;
    }
  }
  const out: Diagnostic[] = [];
  const done = new Set<string>();
  for (const cfg of Object.values(configs)) {
    if (done.has(cfg.name)) continue;
    const { models, settings } = sharedLimits(cfg, configs);
    for (const name of models) done.add(name);
    const peers = models.map((name) => configs[name]);
    const differ = LIMITS.filter((l) => new Set(peers.map((c) => c[l])).size > 1);
    if (peers.length < 2 || !differ.length) continue;
    const limits = differ.map((l) => `${l} ${settings[l] ?? 'none'}`).join(', ');
    for (const c of peers) {
      const own = differ.find((l) => (raw[c.name] as Obj)[l] !== undefined);
      const others = peers
        .filter((p) => p !== c)
        .map((p) => `'${p.name}'`)
        .join(', ');
      out.push(
        mk(
          'SOC042',
          'warning',
          `Model '${c.name}' calls the same model at the same endpoint as ${others} with different limits: they share one limiter with the strictest (${limits})`,
          file,
          own ? at.keyRange(['models', c.name, own]) : at.keyRange(['models', c.name]),
        ),
      );
    }
  }
  return out;
}

/** The settings that name a model's endpoint and limits. */
const ENDPOINT_FIELDS = ['provider', 'model', 'base_url', 'azure', ...LIMITS] as const;

/**
 * The limiter code reads typed configs (`base_url.trim()`): a model whose endpoint settings do not
 * fit the schema (`base_url: 5`) stays out of this check; the schema reports what is wrong.
 */
function endpointFieldsFit(m: unknown): m is Obj {
  if (!isObj(m)) return false;
  const fields = societySchema.$defs.model.properties ?? {};
  return ENDPOINT_FIELDS.every((f) => m[f] === undefined || (Object.hasOwn(fields, f) && !leafError(fields[f], m[f])));
}

function looksLikeSecret(header: string, value: string): boolean {
  return (
    /^(authorization|api-key|x-api-key)$/i.test(header) ||
    /\b(sk-[A-Za-z0-9_-]{8,}|ghp_[A-Za-z0-9]{8,}|AKIA[A-Z0-9]{12,})/.test(value)
  );
}
