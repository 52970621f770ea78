import { useState } from 'react';
import type { ListViewNode } from '../../protocol';
import { WidgetThemeContext, useWidgetTheme } from '../host';
import { StatusHeader } from '../parts/StatusHeader';
import { ListViewItemWidget } from './ListViewItem';

// What `limit: "auto"` shows before "Show more": enough to choose from at a glance.
const AUTO_LIMIT = 5;

export function ListViewWidget({ node }: { node: ListViewNode }) {
  const parentTheme = useWidgetTheme();
  const items = node.children ?? [];
  const limit = node.limit === 'auto' ? AUTO_LIMIT : (node.limit ?? items.length);
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? items : items.slice(0, limit);
  const hidden = items.length - shown.length;
  return (
    <WidgetThemeContext.Provider value={node.theme ?? parentTheme}>
      <div className="rd-listview" data-theme={node.theme} data-testid="widget-listview">
        {node.status ? <StatusHeader status={node.status} /> : null}
        <ul className="rd-listview__items">
          {shown.map((item, index) => (
            <li key={item.key ?? item.id ?? index}>
              <ListViewItemWidget node={item} />
            </li>
          ))}
        </ul>
        {hidden > 0 ? (
          <button type="button" className="rd-listview__more" onClick={() => setExpanded(true)}>
            Show {hidden} more
          </button>
        ) : null}
      </div>
    </WidgetThemeContext.Provider>
  );
}
