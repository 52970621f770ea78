import type { MarkdownNode } from '../../protocol';
import { Markdown } from '../../markdown/Markdown';

export function MarkdownWidget({ node }: { node: MarkdownNode }) {
  return (
    <Markdown
      source={node.value ?? ''}
      streaming={node.streaming ?? false}
      className="rd-widget-markdown"
      testId="widget-markdown"
    />
  );
}
