/** A column of DataTable: bilingual header, alignment, and how to render a cell as text. */
export interface Column<Row> {
  key: string;
  zh: string;
  en: string;
  align?: 'left' | 'right' | 'center';
  /** Text for the cell; by default the row's value under `key`. Use a `#cell-<key>` slot for markup. */
  format?: (row: Row) => string;
  mono?: boolean;
  /** Keep the cell on one line (short labels that should not break mid-word). */
  nowrap?: boolean;
  width?: string;
}
