import { Icon } from '../../ui/Icon';

export function AssistantAvatar({ logoUrl }: { logoUrl: string | null }) {
  return (
    <div className="rd-avatar" aria-hidden="true">
      {logoUrl ? <img src={logoUrl} alt="" /> : <Icon name="sparkle" size={16} />}
    </div>
  );
}
