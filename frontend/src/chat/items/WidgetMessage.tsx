import type { ThemeName, WidgetItem } from '../../protocol';
import type { WidgetHost } from '../../widgets/host';
import { WidgetView } from '../../widgets/WidgetView';
import { MessageActions } from './MessageActions';

export function WidgetMessage({
  item,
  host,
  theme,
}: {
  item: WidgetItem;
  host: WidgetHost;
  theme: ThemeName;
}) {
  return (
    <div className="rd-msg rd-msg--widget" data-testid="message-widget" data-item-id={item.id}>
      <WidgetView widget={item.widget} host={host} theme={theme} />
      {item.copy_text ? <MessageActions copy={item.copy_text} /> : null}
    </div>
  );
}
