/** How the fields of a rule file appear as properties of the nominee records of a slate (JSON, generated types). */

/** The property that holds a field in slate objects: `social-org-work` → `socialOrgWork`. */
export function propName(fieldId: string): string {
  return fieldId.replace(/-([A-Za-z0-9\u3400-\u9fff])/g, (_, c: string) => c.toUpperCase());
}

/** Properties of a nominee record that are not fields: whether it is selected, and its spreadsheet row. */
export const RECORD_PROPERTIES: readonly string[] = ['selected', 'row'];
