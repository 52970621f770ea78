import type { GeneratedImageItem } from '../../protocol';
import { safeImageSrc } from '../../widgets/urls';

export function GeneratedImageView({ item }: { item: GeneratedImageItem }) {
  const src = safeImageSrc(item.image?.url);
  return (
    <div className="rd-msg rd-msg--image" data-testid="message-image" data-item-id={item.id}>
      {src ? (
        <img src={src} alt="Generated image" loading="lazy" />
      ) : (
        <div className="rd-image-placeholder">Creating image…</div>
      )}
    </div>
  );
}
