import type { WidgetStatus } from '../../protocol';
import { Icon } from '../../ui/Icon';
import { safeImageSrc } from '../urls';

export function StatusHeader({ status }: { status: WidgetStatus }) {
  const favicon = 'favicon' in status ? safeImageSrc(status.favicon) : null;
  const icon = 'icon' in status ? status.icon : undefined;
  return (
    <div className="rd-status" data-testid="widget-status">
      {favicon ? (
        <img
          className={
            'frame' in status && status.frame
              ? 'rd-status__favicon rd-framed'
              : 'rd-status__favicon'
          }
          src={favicon}
          alt=""
          width={16}
          height={16}
        />
      ) : icon ? (
        <Icon name={icon} size={16} />
      ) : null}
      <span>{status.text}</span>
    </div>
  );
}
