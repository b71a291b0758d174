// Checks beyond the schema, run over one scenario with every persona it brings in: the context
// is built once (checkContext.ts), then every entry of the CHECKS table (table.ts) adds what it
// finds, in the table's order. They read raw values tolerantly, so they still run (and help)
// while a document has schema errors.
import type { Diagnostic } from '../model/diagnostics';
import type { Locator } from '../syntax/locate';
import type { PersonaEntry } from '../assemble/personaEntry';
import { checkContext } from './checkContext';
import { CHECKS } from './table';

/**
 * `hasErrors`: the scenario document has YAML syntax errors. What the parser recovered from it can
 * have lost or misplaced definitions (a tab can nest `models:` under another key), so "not defined"
 * checks — unknown persona ids and models, no personas — wait until it reads cleanly (QA: a tab
 * indent also said a model written further down was not defined).
 */
export function checkScenario(
  scenario: { value: unknown; at: Locator; hasErrors?: boolean },
  personas: PersonaEntry[],
): Diagnostic[] {
  const ctx = checkContext(scenario, personas);
  for (const check of CHECKS) check(ctx);
  return ctx.out;
}
