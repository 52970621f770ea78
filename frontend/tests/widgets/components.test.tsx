import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { WidgetNode, WidgetRoot, WidgetType } from '../../src/protocol';
import { renderWidget } from '../helpers/render-widget';

/** One JSON example per widget type: the renderer has a component for each. */
const EXAMPLES: Record<WidgetType, WidgetNode> = {
  Card: { type: 'Card', children: [{ type: 'Text', value: 'In a card' }] },
  ListView: {
    type: 'ListView',
    children: [{ type: 'ListViewItem', children: [{ type: 'Text', value: 'Row one' }] }],
  },
  ListViewItem: { type: 'ListViewItem', children: [{ type: 'Text', value: 'Lonely item' }] },
  Basic: { type: 'Basic', children: [{ type: 'Text', value: 'Basic child' }] },
  Box: { type: 'Box', direction: 'row', gap: 3, children: [{ type: 'Text', value: 'Boxed' }] },
  Row: { type: 'Row', children: [{ type: 'Text', value: 'In a row' }] },
  Col: { type: 'Col', children: [{ type: 'Text', value: 'In a col' }] },
  Form: { type: 'Form', children: [{ type: 'Input', name: 'email' }] },
  Text: { type: 'Text', value: 'Plain text' },
  Title: { type: 'Title', value: 'Your return' },
  Caption: { type: 'Caption', value: 'Order A1 · 2 items' },
  Markdown: { type: 'Markdown', value: '**Bold** and [a link](https://example.com)' },
  Badge: { type: 'Badge', label: 'Shipped', color: 'success' },
  Button: { type: 'Button', label: 'Start a return' },
  Image: { type: 'Image', src: 'https://cdn.example.com/shoe.png', alt: 'Running shoe' },
  Icon: { type: 'Icon', name: 'check-circle' },
  Divider: { type: 'Divider' },
  Spacer: { type: 'Spacer' },
  Input: { type: 'Input', name: 'email', placeholder: 'you@example.com' },
  Textarea: { type: 'Textarea', name: 'note', placeholder: 'Anything else?' },
  Select: { type: 'Select', name: 'size', options: [{ value: 'm', label: 'Medium' }] },
  Checkbox: { type: 'Checkbox', name: 'agree', label: 'I agree' },
  RadioGroup: {
    type: 'RadioGroup',
    name: 'refund',
    options: [{ value: 'card', label: 'To my card' }],
  },
  DatePicker: { type: 'DatePicker', name: 'pickup', defaultValue: '2026-02-03T00:00:00Z' },
  Label: { type: 'Label', value: 'Email', fieldName: 'email' },
  Table: {
    type: 'Table',
    children: [
      {
        type: 'Table.Row',
        children: [{ type: 'Table.Cell', children: [{ type: 'Text', value: 'Cell' }] }],
      },
    ],
  },
  'Table.Row': {
    type: 'Table.Row',
    children: [{ type: 'Table.Cell', children: [{ type: 'Text', value: 'Loose row' }] }],
  },
  'Table.Cell': { type: 'Table.Cell', children: [{ type: 'Text', value: 'Loose cell' }] },
  Chart: {
    type: 'Chart',
    data: [{ m: 'Jan', v: 3 }],
    series: [{ type: 'bar', dataKey: 'v', label: 'Returns' }],
    xAxis: 'm',
  },
  Transition: { type: 'Transition', children: { type: 'Text', value: 'Animated' } },
};

const TEST_ID: Record<WidgetType, string> = {
  Card: 'widget-card',
  ListView: 'widget-listview',
  ListViewItem: 'widget-listitem',
  Basic: 'widget-basic',
  Box: 'widget-box',
  Row: 'widget-row',
  Col: 'widget-col',
  Form: 'widget-form',
  Text: 'widget-text',
  Title: 'widget-title',
  Caption: 'widget-caption',
  Markdown: 'widget-markdown',
  Badge: 'widget-badge',
  Button: 'widget-button',
  Image: 'widget-image',
  Icon: 'widget-icon',
  Divider: 'widget-divider',
  Spacer: 'widget-spacer',
  Input: 'widget-input',
  Textarea: 'widget-textarea',
  Select: 'widget-select',
  Checkbox: 'widget-checkbox',
  RadioGroup: 'widget-radiogroup',
  DatePicker: 'widget-datepicker',
  Label: 'widget-label',
  Table: 'widget-table',
  'Table.Row': 'widget-table-row',
  'Table.Cell': 'widget-table-cell',
  Chart: 'widget-chart',
  Transition: 'widget-transition',
};

describe('every widget type renders', () => {
  it.each(Object.keys(EXAMPLES) as WidgetType[])('%s', (type) => {
    const { container } = renderWidget(EXAMPLES[type]);
    expect(
      container.querySelector(`[data-testid="${TEST_ID[type]}"]`),
      `${type} has its own component`,
    ).not.toBeNull();
    expect(screen.queryByTestId('widget-unknown')).toBeNull();
    expect(screen.queryByTestId('widget-error')).toBeNull();
  });
});

describe('widget components', () => {
  it('Card shows its status, children and confirm/cancel footer, sized and themed', () => {
    const { container } = renderWidget({
      type: 'Card',
      size: 'lg',
      theme: 'dark',
      background: 'surface-secondary',
      status: { text: 'Return started', icon: 'check-circle' },
      children: [{ type: 'Title', value: 'Return RMA-7' }],
      confirm: { label: 'Confirm', action: { type: 'confirm' } },
      cancel: { label: 'Go back', action: { type: 'cancel' } },
    });
    const card = screen.getByTestId('widget-card');
    expect(card).toHaveClass('rd-card--lg');
    expect(card).toHaveAttribute('data-theme', 'dark');
    expect(card.style.background).toBe('var(--rd-surface-2)');
    expect(within(card).getByTestId('widget-status')).toHaveTextContent('Return started');
    expect(container.querySelector('[data-icon="check-circle"]')).not.toBeNull();
    expect(screen.getByRole('heading', { name: 'Return RMA-7' })).toBeInTheDocument();
    expect(screen.getByTestId('card-confirm')).toHaveTextContent('Confirm');
    expect(screen.getByTestId('card-cancel')).toHaveTextContent('Go back');
  });

  it('a collapsed Card hides its body behind a toggle', async () => {
    renderWidget({ type: 'Card', collapsed: true, children: [{ type: 'Text', value: 'Details' }] });
    const toggle = screen.getByRole('button', { name: 'Show details' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('Details')).not.toBeVisible();
    toggle.click();
    expect(await screen.findByRole('button', { name: 'Hide details' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });

  it('ListView shows items up to its limit, then a Show more control', async () => {
    renderWidget({
      type: 'ListView',
      limit: 2,
      status: { text: 'Your orders', favicon: 'https://shop.example.com/favicon.ico' },
      children: ['A1', 'A2', 'A3'].map((id) => ({
        type: 'ListViewItem',
        children: [{ type: 'Text', value: `Order ${id}` }],
      })),
    });
    expect(screen.getAllByTestId('widget-listitem')).toHaveLength(2);
    expect(screen.getByTestId('widget-status').querySelector('img')).toHaveAttribute(
      'src',
      'https://shop.example.com/favicon.ico',
    );
    screen.getByRole('button', { name: 'Show 1 more' }).click();
    expect(await screen.findByText('Order A3')).toBeInTheDocument();
  });

  it('Box, Row and Col lay out with flex, gap, padding, border and radius', () => {
    renderWidget({
      type: 'Box',
      direction: 'row',
      gap: 2,
      padding: { x: 4, y: '10px' },
      border: { size: 2, color: 'red-500', style: 'dashed' },
      radius: 'lg',
      align: 'center',
      justify: 'between',
      background: { light: 'blue-100', dark: 'blue-900' },
      children: [
        { type: 'Row', gap: 1, children: [] },
        { type: 'Col', flex: 1, children: [] },
      ],
    });
    const box = screen.getByTestId('widget-box');
    expect(box.style.flexDirection).toBe('row');
    expect(box.style.gap).toBe('8px');
    expect(box.style.paddingLeft).toBe('16px');
    expect(box.style.paddingTop).toBe('10px');
    expect(box.style.justifyContent).toBe('space-between');
    expect(box.style.borderRadius).toBe('12px');
    expect(box.style.border).toContain('dashed');
    // blue-100 in the bundled palette (jsdom reports colours as rgb).
    expect(box.style.background).toBe('rgb(227, 237, 253)');
    expect(screen.getByTestId('widget-row').style.flexDirection).toBe('row');
    expect(screen.getByTestId('widget-col').style.flexDirection).toBe('column');
    expect(screen.getByTestId('widget-col').style.flex).toBe('1 1 0%');
  });

  it('theme colours follow the widget theme', () => {
    renderWidget(
      { type: 'Text', value: 'Tinted', color: { light: 'red-700', dark: 'red-200' } },
      {},
      'dark',
    );
    // red-200, the dark choice.
    expect(screen.getByTestId('widget-text').style.color).toBe('rgb(246, 197, 197)');
  });

  it('Text, Title and Caption carry their typography', () => {
    renderWidget({
      type: 'Col',
      children: [
        {
          type: 'Text',
          value: 'Struck',
          lineThrough: true,
          italic: true,
          weight: 'bold',
          size: 'lg',
          color: 'secondary',
          maxLines: 2,
        },
        { type: 'Title', value: 'Big', size: '2xl', textAlign: 'center' },
        { type: 'Caption', value: 'Small print', size: 'sm', truncate: true },
      ],
    });
    const text = screen.getByText('Struck');
    expect(text).toHaveClass('rd-text--lg', 'rd-weight-bold', 'rd-clamp');
    expect(text.style.textDecoration).toBe('line-through');
    expect(text.style.fontStyle).toBe('italic');
    expect(text.style.color).toBe('var(--rd-text-muted)');
    expect(screen.getByRole('heading', { name: 'Big' })).toHaveClass(
      'rd-title--2xl',
      'rd-align-center',
    );
    expect(screen.getByText('Small print')).toHaveClass('rd-caption--sm', 'rd-truncate');
  });

  it('streaming Text shows it is still arriving', () => {
    renderWidget({ type: 'Text', value: 'Calculating', streaming: true });
    expect(screen.getByTestId('widget-text')).toHaveClass('rd-streaming');
    expect(screen.getByTestId('widget-text')).toHaveAttribute('aria-busy', 'true');
  });

  it('editable Text becomes a named input', () => {
    renderWidget({
      type: 'Text',
      value: 'Jane',
      editable: { name: 'first_name', required: true, placeholder: 'First name' },
    });
    const input = screen.getByRole('textbox', { name: 'First name' });
    expect(input).toHaveValue('Jane');
    expect(input).toHaveAttribute('name', 'first_name');
    expect(input).toBeRequired();
  });

  it('Markdown is rendered and sanitised', () => {
    renderWidget({
      type: 'Markdown',
      value:
        'Hello **there** <img src=x onerror="alert(1)"> <script>alert(2)</script> [x](javascript:alert(3))',
    });
    const block = screen.getByTestId('widget-markdown');
    expect(block.querySelector('strong')).toHaveTextContent('there');
    expect(block.innerHTML).not.toMatch(/onerror|<script|javascript:/);
  });

  it('Badge shows colour, variant, size and pill shape', () => {
    renderWidget({
      type: 'Badge',
      label: 'Refunded',
      color: 'info',
      variant: 'outline',
      size: 'lg',
      pill: true,
    });
    expect(screen.getByText('Refunded')).toHaveClass(
      'rd-badge--info',
      'rd-badge--outline',
      'rd-badge--size-lg',
      'rd-badge--pill',
    );
  });

  it('Button shows colour, variant, size, shape, icons, and its disabled and loading states', () => {
    const { rerender } = renderWidget({
      type: 'Button',
      id: 'b',
      label: 'Delete',
      color: 'danger',
      variant: 'soft',
      size: 'lg',
      pill: true,
      block: true,
      iconStart: 'plus',
      iconEnd: 'chevron-right',
      onClickAction: { type: 'x' },
    });
    const button = screen.getByRole('button', { name: 'Delete' });
    expect(button).toHaveClass(
      'rd-btn--danger',
      'rd-btn--soft',
      'rd-btn--size-lg',
      'rd-btn--pill',
      'rd-btn--block',
    );
    expect(button.querySelector('[data-icon="plus"]')).not.toBeNull();
    expect(button.querySelector('[data-icon="chevron-right"]')).not.toBeNull();
    rerender({ type: 'Basic', children: [{ type: 'Button', label: 'Delete', disabled: true }] });
    expect(screen.getByRole('button', { name: 'Delete' })).toBeDisabled();
  });

  it('Button style presets map to colours and an icon-only button is named by its icon', () => {
    renderWidget({
      type: 'Row',
      children: [
        { type: 'Button', label: 'Yes', style: 'primary' },
        { type: 'Button', label: 'No', style: 'secondary' },
        { type: 'Button', iconStart: 'reload', uniform: true },
      ],
    });
    expect(screen.getByRole('button', { name: 'Yes' })).toHaveClass(
      'rd-btn--primary',
      'rd-btn--solid',
    );
    expect(screen.getByRole('button', { name: 'No' })).toHaveClass(
      'rd-btn--secondary',
      'rd-btn--outline',
    );
    expect(screen.getByRole('button', { name: 'reload' })).toHaveClass('rd-btn--uniform');
  });

  it('a locked card tells screen readers which button was chosen, not just by its check mark', () => {
    // As src/returndesk/widgets/lock.py leaves a card: all disabled, the chosen one primary with a check.
    renderWidget({
      type: 'Row',
      children: [
        {
          type: 'Button',
          label: 'Defective',
          style: 'primary',
          iconStart: 'check',
          disabled: true,
        },
        { type: 'Button', label: 'Wrong size', style: 'secondary', disabled: true },
        // Had its check before it was answered, and keeps it when something else is chosen.
        {
          type: 'Button',
          label: 'Confirm return',
          style: 'secondary',
          iconStart: 'check',
          disabled: true,
        },
      ],
    });
    const [chosen, other, stillChecked] = screen.getAllByRole('button');
    expect(chosen).toHaveAccessibleName('Defective, chosen');
    expect(other).toHaveAccessibleName('Wrong size');
    expect(stillChecked).toHaveAccessibleName('Confirm return');
    // A disabled button is no toggle: the choice is in its name, not in aria-pressed.
    expect(chosen).not.toHaveAttribute('aria-pressed');
  });

  it('an enabled button with a check is not chosen; an icon-only chosen one says so in its label', () => {
    renderWidget({
      type: 'Row',
      children: [
        { type: 'Button', label: 'Verify me', style: 'primary', iconStart: 'check' },
        { type: 'Button', style: 'primary', iconEnd: 'check', disabled: true },
      ],
    });
    expect(screen.getByRole('button', { name: 'Verify me' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'check, chosen' })).toBeDisabled();
  });

  it('Image keeps safe sources, blocks others and honours the thread image domains', () => {
    renderWidget(
      {
        type: 'Col',
        children: [
          {
            type: 'Image',
            src: 'https://cdn.shop.example/a.png',
            alt: 'Allowed',
            fit: 'contain',
            radius: 'md',
            size: 64,
            frame: true,
          },
          { type: 'Image', src: 'javascript:alert(1)', alt: 'Script' },
          { type: 'Image', src: 'https://tracker.example.net/p.gif', alt: 'Elsewhere' },
        ],
      },
      { allowedImageDomains: ['shop.example'] },
    );
    const allowed = screen.getByRole('img', { name: 'Allowed' });
    expect(allowed).toHaveAttribute('src', 'https://cdn.shop.example/a.png');
    expect(allowed.style.objectFit).toBe('contain');
    expect(allowed.style.width).toBe('64px');
    expect(allowed).toHaveClass('rd-framed');
    expect(screen.getByRole('img', { name: 'Script' }).tagName).toBe('DIV');
    expect(screen.getByRole('img', { name: 'Elsewhere' }).tagName).toBe('DIV');
  });

  it('Icon draws a bundled inline SVG, with a fallback for names it lacks', () => {
    const { container } = renderWidget({
      type: 'Row',
      children: [
        { type: 'Icon', name: 'star-filled', size: 'xl', color: 'warning' },
        { type: 'Icon', name: 'lucide:package' },
        { type: 'Icon', name: 'vendor:nothing' },
      ],
    });
    const svgs = container.querySelectorAll('svg');
    expect(svgs[0]).toHaveAttribute('data-icon', 'star-filled');
    expect(svgs[0]).toHaveAttribute('width', '24');
    expect(svgs[1]).toHaveAttribute('data-icon', 'lucide:package');
    expect(svgs[2]).toHaveAttribute('data-icon', 'unknown');
    expect(container.querySelector('[data-testid="widget-icon"]')).toHaveStyle({
      color: 'var(--rd-warning-text)',
    });
  });

  it('Divider and Spacer take their sizes', () => {
    renderWidget({
      type: 'Col',
      children: [
        { type: 'Divider', size: 2, spacing: 3, color: 'strong' },
        { type: 'Spacer', minSize: 24 },
      ],
    });
    const divider = screen.getByTestId('widget-divider');
    expect(divider.style.borderTopWidth).toBe('2px');
    expect(divider.style.marginTop).toBe('12px');
    expect(divider.style.borderTopColor).toBe('var(--rd-border-strong)');
    expect(screen.getByTestId('widget-spacer').style.minHeight).toBe('24px');
  });

  it('form controls are named, labelled and prefilled', () => {
    renderWidget({
      type: 'Form',
      children: [
        { type: 'Label', value: 'Email address', fieldName: 'email' },
        {
          type: 'Input',
          name: 'email',
          inputType: 'email',
          defaultValue: 'a@b.co',
          required: true,
        },
        {
          type: 'Textarea',
          name: 'comments',
          placeholder: 'Tell us more',
          rows: 4,
          defaultValue: 'Too small',
        },
        {
          type: 'Select',
          name: 'size',
          placeholder: 'Pick a size',
          defaultValue: 'l',
          options: [
            { value: 'm', label: 'Medium' },
            { value: 'l', label: 'Large' },
          ],
        },
        { type: 'Checkbox', name: 'gift', label: 'It was a gift', defaultChecked: true },
        {
          type: 'RadioGroup',
          name: 'refund',
          ariaLabel: 'Refund to',
          defaultValue: 'credit',
          direction: 'row',
          options: [
            { value: 'card', label: 'Card' },
            { value: 'credit', label: 'Store credit' },
          ],
        },
        {
          type: 'DatePicker',
          name: 'pickup',
          defaultValue: '2026-03-04T09:00:00Z',
          min: '2026-03-01T00:00:00Z',
          max: '2026-03-31',
        },
      ],
    });
    expect(screen.getByLabelText('Email address')).toHaveValue('a@b.co');
    expect(screen.getByLabelText('Email address')).toHaveAttribute('type', 'email');
    expect(screen.getByRole('textbox', { name: 'Tell us more' })).toHaveValue('Too small');
    expect(screen.getByRole('combobox', { name: 'Pick a size' })).toHaveValue('l');
    expect(screen.getByRole('checkbox', { name: 'It was a gift' })).toBeChecked();
    expect(screen.getByRole('radiogroup', { name: 'Refund to' })).toHaveClass('rd-radiogroup--row');
    expect(screen.getByRole('radio', { name: 'Store credit' })).toBeChecked();
    const date = screen.getByTestId('widget-datepicker');
    expect(date).toHaveValue('2026-03-04');
    expect(date).toHaveAttribute('min', '2026-03-01');
    expect(date).toHaveAttribute('max', '2026-03-31');
    expect(date).toHaveAccessibleName('Pickup');
  });

  it('Table renders header and body rows with cell alignment and spans', () => {
    renderWidget({
      type: 'Table',
      children: [
        {
          type: 'Table.Row',
          header: true,
          children: [
            { type: 'Table.Cell', children: [{ type: 'Text', value: 'Item' }] },
            { type: 'Table.Cell', align: 'end', children: [{ type: 'Text', value: 'Refund' }] },
          ],
        },
        {
          type: 'Table.Row',
          children: [
            { type: 'Table.Cell', colSize: 'lg', children: [{ type: 'Text', value: 'Shoes' }] },
            { type: 'Table.Cell', align: 'end', children: [{ type: 'Text', value: '$80.00' }] },
          ],
        },
        {
          type: 'Table.Row',
          children: [
            {
              type: 'Table.Cell',
              colSpan: 2,
              children: [{ type: 'Caption', value: 'Refunds take 5 days' }],
            },
          ],
        },
      ],
    });
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Item',
      'Refund',
    ]);
    expect(screen.getByRole('cell', { name: '$80.00' }).style.textAlign).toBe('end');
    expect(screen.getByRole('cell', { name: 'Refunds take 5 days' })).toHaveAttribute(
      'colspan',
      '2',
    );
  });

  it('Chart draws bars and lines in SVG with a legend and a data table for screen readers', () => {
    const { container } = renderWidget({
      type: 'Chart',
      data: [
        { month: 'jan', returns: 4, exchanges: 2 },
        { month: 'feb', returns: 6, exchanges: 1 },
        { month: 'mar', returns: 3, exchanges: 5 },
      ],
      series: [
        { type: 'bar', dataKey: 'returns', label: 'Returns', color: 'blue' },
        { type: 'line', dataKey: 'exchanges', label: 'Exchanges', curveType: 'monotone' },
      ],
      xAxis: { dataKey: 'month', labels: { jan: 'January' } },
      showYAxis: true,
      showLegend: true,
    });
    expect(container.querySelectorAll('[data-testid="chart-bar"]')).toHaveLength(3);
    expect(container.querySelectorAll('[data-testid="chart-line"]')).toHaveLength(1);
    expect(screen.getByRole('img', { name: 'Chart of Returns, Exchanges' })).toBeInTheDocument();
    expect(container.querySelector('.rd-chart__legend')).toHaveTextContent('ReturnsExchanges');
    expect(screen.getByRole('rowheader', { name: 'January' })).toBeInTheDocument();
    expect(container.querySelector('rect title')).toHaveTextContent('January: Returns 4');
  });

  it('Transition wraps its one child', () => {
    renderWidget({ type: 'Transition', children: { type: 'Badge', key: 'v2', label: 'Approved' } });
    expect(
      within(screen.getByTestId('widget-transition')).getByText('Approved'),
    ).toBeInTheDocument();
  });

  it('Basic nests other roots', () => {
    renderWidget({
      type: 'Basic',
      direction: 'row',
      gap: 4,
      children: [
        { type: 'Card', children: [] },
        { type: 'ListView', children: [] },
      ] as unknown as WidgetNode[],
    } as WidgetRoot);
    expect(screen.getByTestId('widget-basic').style.flexDirection).toBe('row');
    expect(screen.getByTestId('widget-card')).toBeInTheDocument();
    expect(screen.getByTestId('widget-listview')).toBeInTheDocument();
  });

  it('an unknown type shows a visible placeholder and the rest still renders', () => {
    renderWidget({
      type: 'Card',
      children: [
        { type: 'Buton', label: 'Oops' } as unknown as WidgetNode,
        { type: 'Text', value: 'Still here' },
      ],
    });
    expect(screen.getByTestId('widget-unknown')).toHaveTextContent('Buton');
    expect(screen.getByText('Still here')).toBeInTheDocument();
  });

  it('a malformed known type is contained to its widget', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderWidget({
      type: 'Card',
      children: [{ type: 'Chart', data: null, series: null, xAxis: null } as unknown as WidgetNode],
    });
    expect(screen.getByTestId('widget-error')).toBeInTheDocument();
    error.mockRestore();
  });
});
