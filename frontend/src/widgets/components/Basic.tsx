import type { BasicNode } from '../../protocol';
import { WidgetThemeContext, useWidgetTheme } from '../host';
import { WidgetChildren } from '../WidgetRenderer';
import { alignItems, dropUndefined, justifyContent, space, spacing } from '../style';

export function BasicWidget({ node }: { node: BasicNode }) {
  const parentTheme = useWidgetTheme();
  const style = dropUndefined({
    display: 'flex',
    flexDirection: node.direction === 'row' ? 'row' : 'column',
    gap: space(node.gap ?? 2),
    alignItems: alignItems(node.align),
    justifyContent: justifyContent(node.justify),
    ...spacing(node.padding, 'padding'),
  });
  return (
    <WidgetThemeContext.Provider value={node.theme ?? parentTheme}>
      <div className="rd-basic" style={style} data-theme={node.theme} data-testid="widget-basic">
        <WidgetChildren nodes={node.children} />
      </div>
    </WidgetThemeContext.Provider>
  );
}
