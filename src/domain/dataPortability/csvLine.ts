/**
 * One CSV line (RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled),
 * ending in CRLF. A text cell that a spreadsheet would run as a formula (starting with `=`, `+`,
 * `-`, `@`, tab or carriage return) is prefixed with `'`, so an exported customer name cannot
 * execute in the vendor's spreadsheet (CSV injection). Numbers are written as they are.
 */
export function csvLine(cells: readonly (string | number | boolean | null)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

function csvCell(cell: string | number | boolean | null): string {
  if (cell === null) return "";
  if (typeof cell !== "string") return String(cell);
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
