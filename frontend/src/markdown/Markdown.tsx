import { useMemo } from 'react';
import { renderMarkdown } from './render';

export interface MarkdownProps {
  source: string;
  streaming?: boolean;
  className?: string;
  testId?: string;
}

export function Markdown({ source, streaming = false, className, testId }: MarkdownProps) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  const classes = ['rd-markdown', streaming ? 'rd-streaming' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  // The HTML is sanitised in renderMarkdown; this is the one place it enters the DOM.
  return (
    <div className={classes} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
