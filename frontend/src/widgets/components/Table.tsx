import { createContext, useContext, type CSSProperties } from 'react';
import type { TableCellNode, TableNode, TableRowNode } from '../../protocol';
import { WidgetChildren } from '../WidgetRenderer';
import { px, spacing } from '../style';

/** Where a Table.Row or Table.Cell sits, so one out of place still renders as valid HTML. */
type TablePart = 'none' | 'table' | 'header-row' | 'row';
const TablePartContext = createContext<TablePart>('none');

export function TableWidget({ node }: { node: TableNode }) {
  const rows = node.children ?? [];
  const head = rows.filter((row) => row.header);
  const body = rows.filter((row) => !row.header);
  const rowKey = (row: TableRowNode, index: number) => row.key ?? row.id ?? index;
  return (
    <div className="rd-table-wrap" data-testid="widget-table">
      <TablePartContext.Provider value="table">
        <table className="rd-table">
          {head.length > 0 ? (
            <thead>
              {head.map((row, index) => (
                <TableRowWidget key={rowKey(row, index)} node={row} />
              ))}
            </thead>
          ) : null}
          <tbody>
            {body.map((row, index) => (
              <TableRowWidget key={rowKey(row, index)} node={row} />
            ))}
          </tbody>
        </table>
      </TablePartContext.Provider>
    </div>
  );
}

export function TableRowWidget({ node }: { node: TableRowNode }) {
  const part = useContext(TablePartContext);
  const row = (
    <TablePartContext.Provider value={node.header ? 'header-row' : 'row'}>
      <tr data-testid="widget-table-row">
        {(node.children ?? []).map((cell, index) => (
          <TableCellWidget key={cell.key ?? cell.id ?? index} node={cell} />
        ))}
      </tr>
    </TablePartContext.Provider>
  );
  if (part === 'table') return row;
  return (
    <table className="rd-table">
      <tbody>{row}</tbody>
    </table>
  );
}

const COL_SIZE: Record<NonNullable<TableCellNode['colSize']>, string> = {
  xs: '3rem',
  sm: '5rem',
  md: '8rem',
  lg: '12rem',
  xl: '16rem',
};

const ALIGN = { start: 'start', center: 'center', end: 'end' } as const;
const V_ALIGN = { start: 'top', center: 'middle', end: 'bottom' } as const;

export function TableCellWidget({ node }: { node: TableCellNode }) {
  const part = useContext(TablePartContext);
  const content = <WidgetChildren nodes={node.children} />;
  if (part !== 'row' && part !== 'header-row') {
    return (
      <div className="rd-table-cell" data-testid="widget-table-cell">
        {content}
      </div>
    );
  }
  const style: CSSProperties = {
    width: px(node.width),
    minWidth: node.colSize ? COL_SIZE[node.colSize] : undefined,
    textAlign: node.align ? ALIGN[node.align] : undefined,
    verticalAlign: node.vAlign ? V_ALIGN[node.vAlign] : undefined,
    ...spacing(node.padding, 'padding'),
  };
  const Tag = part === 'header-row' ? 'th' : 'td';
  return (
    <Tag
      style={style}
      colSpan={node.colSpan}
      rowSpan={node.rowSpan}
      scope={Tag === 'th' ? 'col' : undefined}
      data-testid="widget-table-cell"
    >
      {content}
    </Tag>
  );
}
