/**
 * The array kept as JSON text in localStorage, or [] when there is none or the text is not a JSON
 * array. Storage is user-editable: the caller still checks each element.
 */
export function parseStoredList(raw: string | null): unknown[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  return Array.isArray(value) ? value : [];
}
