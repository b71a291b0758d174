// The table of `society` subcommands (one module each under ./commands/).
import type { Command } from './command';
import { calibrateCommand } from './commands/calibrate';
import { checkCommand } from './commands/check';
import { compareCommand } from './commands/compare';
import { estimateCommand } from './commands/estimate';
import { experimentCommand } from './commands/experiment';
import { explainCommand } from './commands/explain';
import { exportCommand } from './commands/export';
import { forkCommand } from './commands/fork';
import { importCommand } from './commands/import';
import { mcpCommand } from './commands/mcp';
import { metricsCommand } from './commands/metrics';
import { populationCommand } from './commands/population';
import { reportCommand } from './commands/report';
import { runCommand } from './commands/run';
import { sqlCommand } from './commands/sql';
import { studyCommand } from './commands/study';
import { validateCommand } from './commands/validate';

export const commands: Command[] = [
  calibrateCommand,
  checkCommand,
  compareCommand,
  estimateCommand,
  experimentCommand,
  explainCommand,
  exportCommand,
  forkCommand,
  importCommand,
  mcpCommand,
  metricsCommand,
  populationCommand,
  reportCommand,
  runCommand,
  sqlCommand,
  studyCommand,
  validateCommand,
];
