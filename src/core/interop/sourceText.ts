// One input file of an import: its name (as the user gave it, for messages) and its text.
export interface SourceText { file: string; text: string }
