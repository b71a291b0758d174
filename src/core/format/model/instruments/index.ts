// Instruments shipped with Society Studio, found by name from `surveys: [{ instrument: <name> }]`
// in any scenario; a scenario's own `instruments:` of the same name wins.
import { MINI_IPIP } from './miniIpip';

export const SHIPPED_INSTRUMENTS: Readonly<Record<string, Record<string, unknown>>> = {
  'mini-ipip': MINI_IPIP,
};
