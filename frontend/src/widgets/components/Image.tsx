import type { CSSProperties } from 'react';
import type { ImageNode } from '../../protocol';
import { useWidgetHost, useWidgetTheme } from '../host';
import { blockStyle, color, flexValue } from '../style';
import { imageAllowed, safeImageSrc } from '../urls';

export function ImageWidget({ node }: { node: ImageNode }) {
  const host = useWidgetHost();
  const theme = useWidgetTheme();
  const src = safeImageSrc(node.src);
  const style: CSSProperties = {
    ...blockStyle(node),
    objectFit: node.fit ?? 'cover',
    objectPosition: node.position,
    background: color(node.background, 'background', theme),
    flex: flexValue(node.flex),
  };
  const classes = ['rd-image', node.frame ? 'rd-framed' : '', node.flush ? 'rd-flush' : '']
    .filter(Boolean)
    .join(' ');
  if (!src || !imageAllowed(src, host.allowedImageDomains)) {
    return (
      <div
        className={`${classes} rd-image--blocked`}
        style={style}
        role="img"
        aria-label={node.alt || 'Image not shown'}
        data-testid="widget-image"
      >
        Image not shown
      </div>
    );
  }
  return (
    <img
      className={classes}
      style={style}
      src={src}
      alt={node.alt ?? ''}
      loading="lazy"
      data-testid="widget-image"
    />
  );
}
