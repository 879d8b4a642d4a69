// CSV fields as RFC 4180 writes them: a field with a comma, a double quote or a line break is
// quoted, and a quote inside is doubled. Rows end with "\n".

/** Quote when the field needs it (or always, for importers that trim unquoted strings). */
export function csvField(value: string, always = false): string {
  if (always || /[",\r\n]|^\s|\s$/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.join(',')}\n`;
}
