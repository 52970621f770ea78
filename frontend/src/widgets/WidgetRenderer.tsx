/**
 * One component per widget type, chosen by an exhaustive switch on `type`.
 * Nothing validates widget JSON on the server, so a type this renderer does
 * not know shows a visible placeholder instead of breaking the message.
 */

import type { ReactElement } from 'react';
import type { WidgetNode } from '../protocol';
import { BadgeWidget } from './components/Badge';
import { BasicWidget } from './components/Basic';
import { BoxWidget } from './components/Box';
import { ButtonWidget } from './components/Button';
import { CaptionWidget } from './components/Caption';
import { CardWidget } from './components/Card';
import { CheckboxWidget } from './components/Checkbox';
import { ColWidget } from './components/Col';
import { DatePickerWidget } from './components/DatePicker';
import { DividerWidget } from './components/Divider';
import { FormWidget } from './components/Form';
import { IconWidget } from './components/IconView';
import { ImageWidget } from './components/Image';
import { InputWidget } from './components/Input';
import { LabelWidget } from './components/Label';
import { ListViewWidget } from './components/ListView';
import { ListViewItemWidget } from './components/ListViewItem';
import { MarkdownWidget } from './components/MarkdownBlock';
import { RadioGroupWidget } from './components/RadioGroup';
import { RowWidget } from './components/Row';
import { SelectWidget } from './components/Select';
import { SpacerWidget } from './components/Spacer';
import { TableCellWidget, TableRowWidget, TableWidget } from './components/Table';
import { TextWidget } from './components/Text';
import { TextareaWidget } from './components/Textarea';
import { TitleWidget } from './components/Title';
import { TransitionWidget } from './components/Transition';
import { UnknownWidget } from './components/Unknown';
import { ChartWidget } from './chart/Chart';

export function WidgetNodeView({ node }: { node: WidgetNode }): ReactElement | null {
  if (typeof node !== 'object' || node === null) return <UnknownWidget type={typeof node} />;
  switch (node.type) {
    case 'Card':
      return <CardWidget node={node} />;
    case 'ListView':
      return <ListViewWidget node={node} />;
    case 'ListViewItem':
      return <ListViewItemWidget node={node} />;
    case 'Basic':
      return <BasicWidget node={node} />;
    case 'Box':
      return <BoxWidget node={node} />;
    case 'Row':
      return <RowWidget node={node} />;
    case 'Col':
      return <ColWidget node={node} />;
    case 'Form':
      return <FormWidget node={node} />;
    case 'Text':
      return <TextWidget node={node} />;
    case 'Title':
      return <TitleWidget node={node} />;
    case 'Caption':
      return <CaptionWidget node={node} />;
    case 'Markdown':
      return <MarkdownWidget node={node} />;
    case 'Badge':
      return <BadgeWidget node={node} />;
    case 'Button':
      return <ButtonWidget node={node} />;
    case 'Image':
      return <ImageWidget node={node} />;
    case 'Icon':
      return <IconWidget node={node} />;
    case 'Divider':
      return <DividerWidget node={node} />;
    case 'Spacer':
      return <SpacerWidget node={node} />;
    case 'Input':
      return <InputWidget node={node} />;
    case 'Textarea':
      return <TextareaWidget node={node} />;
    case 'Select':
      return <SelectWidget node={node} />;
    case 'Checkbox':
      return <CheckboxWidget node={node} />;
    case 'RadioGroup':
      return <RadioGroupWidget node={node} />;
    case 'DatePicker':
      return <DatePickerWidget node={node} />;
    case 'Label':
      return <LabelWidget node={node} />;
    case 'Table':
      return <TableWidget node={node} />;
    case 'Table.Row':
      return <TableRowWidget node={node} />;
    case 'Table.Cell':
      return <TableCellWidget node={node} />;
    case 'Chart':
      return <ChartWidget node={node} />;
    case 'Transition':
      return <TransitionWidget node={node} />;
    default:
      return unknown(node);
  }
}

/** Compile-time: every known type has a case. Run time: the rest get a placeholder. */
function unknown(node: never): ReactElement {
  const type = (node as { type?: unknown }).type;
  return <UnknownWidget type={typeof type === 'string' ? type : ''} />;
}

export function WidgetChildren({ nodes }: { nodes: WidgetNode[] | undefined | null }) {
  if (!Array.isArray(nodes)) return null;
  return (
    <>
      {nodes.map((child, index) => (
        <WidgetNodeView key={child?.key ?? child?.id ?? index} node={child} />
      ))}
    </>
  );
}
