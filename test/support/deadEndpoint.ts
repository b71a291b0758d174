// A scenario whose model endpoint refuses every connection (a port nobody listens on), with
// `on_error: offline`: every call fails at once and is answered by the offline model.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** A loopback port that was free a moment ago: connections to it are refused. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** Writes `dead.society` (two personas, one round) into `dir` and returns its path. */
export async function deadEndpointScenario(dir: string): Promise<string> {
  const file = path.join(dir, 'dead.society');
  fs.writeFileSync(
    file,
    [
      'kind: scenario',
      'name: Dead endpoint',
      'personas:',
      '  - { id: ann, name: Ann, interests: [chess] }',
      '  - { id: bob, name: Bob, interests: [chess] }',
      'world: { rounds: 1 }',
      `models: { default: { provider: openai, model: m, base_url: "http://127.0.0.1:${await closedPort()}/v1", retries: 0, on_error: offline } }`,
    ].join('\n') + '\n',
  );
  return file;
}
