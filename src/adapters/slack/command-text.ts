/**
 * Slack writes its three control characters in a slash command's text as entities (`&amp;`, `&lt;`, `&gt;`),
 * so that a real `<…>` is always one of its own mentions or links (`<@U123|ana>`). This gives back the text
 * as the person typed it, leaving those mentions for the command parser.
 */
export function typedCommandText(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_m, name: string) => (name === "lt" ? "<" : name === "gt" ? ">" : "&"));
}
