// Markdown for the editor's hovers: names escaped (Monaco renders it with HTML off), code in backticks.

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

export function markdownCode(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.replace(/\r|\n/g, ' ')}${fence}`;
}
