// The assistant tools, one table: `society mcp` serves them over MCP and the editor registers them
// as language-model tools (package.json's languageModelTools lists the same names; a test checks).
import { checkTool } from './checkTool';
import { describeTool } from './describeTool';
import { compareTool, estimateTool, experimentTool, runTool } from './runTools';
import type { SocietyTool } from './tool';
import { explainTool, sqlTool } from './traceTools';
import { calibrateTool, studyTool, validateTool } from './studyTools';

export const TOOLS: readonly SocietyTool[] = [
  checkTool,
  describeTool,
  estimateTool,
  runTool,
  experimentTool,
  compareTool,
  explainTool,
  sqlTool,
  studyTool,
  validateTool,
  calibrateTool,
];

export { ToolRefusal, type SocietyTool, type ToolHost } from './tool';
