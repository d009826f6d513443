// A column header that sorts by its column: a button inside the <th>, with aria-sort telling
// assistive technology which way the table is sorted.
export function SortHeader(props: {
  label: string;
  /** The hover text, e.g. "Sort by Subject". */
  title: string;
  /** The column's direction when the table is sorted by it, else null. */
  direction: 'ascending' | 'descending' | null;
  numeric?: boolean;
  onSort: () => void;
}) {
  return (
    <th scope="col" aria-sort={props.direction ?? 'none'} class={props.numeric ? 'cell-numeric' : ''}>
      <button type="button" class="sort-button" title={props.title} onClick={props.onSort}>
        <span class="sort-label">{props.label}</span>
        <span class={`sort-mark${props.direction ? ` sort-${props.direction}` : ''}`} aria-hidden="true" />
      </button>
    </th>
  );
}
