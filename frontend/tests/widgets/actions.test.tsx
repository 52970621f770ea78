import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWidget } from '../helpers/render-widget';

describe('widget actions', () => {
  it('a Button sends its onClickAction with its payload', async () => {
    const widget = renderWidget({
      type: 'Button',
      label: 'Start a return',
      onClickAction: { type: 'return.start', payload: { order_id: 'A1' } },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Start a return' }));
    expect(widget.sent()).toEqual([{ type: 'return.start', payload: { order_id: 'A1' } }]);
    expect(widget.dispatch.mock.calls[0]?.[0]).toMatchObject({
      defaultScope: 'self',
      sourceId: expect.any(String),
    });
  });

  it('a ListViewItem sends its action on click, Enter and Space', async () => {
    const widget = renderWidget({
      type: 'ListView',
      children: [
        {
          type: 'ListViewItem',
          onClickAction: { type: 'order.pick', payload: { order_id: 'A1' } },
          children: [{ type: 'Text', value: 'Order A1' }],
        },
        { type: 'ListViewItem', children: [{ type: 'Text', value: 'Not clickable' }] },
      ],
    });
    const [item, plain] = screen.getAllByTestId('widget-listitem');
    expect(item).toHaveAttribute('role', 'button');
    expect(plain).not.toHaveAttribute('role');
    await userEvent.click(item!);
    item!.focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    expect(widget.sent()).toEqual(
      Array(3).fill({ type: 'order.pick', payload: { order_id: 'A1' } }),
    );
    expect(widget.dispatch.mock.calls[0]?.[0].defaultScope).toBe('container');
  });

  it('a Form submit merges every field into onSubmitAction.payload by name', async () => {
    const widget = renderWidget({
      type: 'Form',
      onSubmitAction: { type: 'return.details', payload: { order_id: 'A1' } },
      children: [
        { type: 'Input', name: 'email', defaultValue: 'old@example.com' },
        { type: 'Textarea', name: 'note' },
        {
          type: 'Select',
          name: 'reason',
          placeholder: 'Why?',
          options: [
            { value: 'small', label: 'Too small' },
            { value: 'late', label: 'Arrived late' },
          ],
        },
        { type: 'Checkbox', name: 'opened', label: 'I opened it' },
        { type: 'Checkbox', name: 'keep_box', label: 'Keep the box', defaultChecked: true },
        {
          type: 'RadioGroup',
          name: 'refund',
          options: [
            { value: 'card', label: 'Card' },
            { value: 'credit', label: 'Credit' },
          ],
        },
        { type: 'DatePicker', name: 'pickup' },
        { type: 'Text', value: 'Jane', editable: { name: 'name' } },
        { type: 'Input', name: 'ignored', disabled: true, defaultValue: 'x' },
        { type: 'Button', label: 'Continue', submit: true },
      ],
    });
    const email = screen.getByRole('textbox', { name: 'Email' });
    await userEvent.clear(email);
    await userEvent.type(email, 'jane@example.com');
    await userEvent.type(screen.getByRole('textbox', { name: 'Note' }), 'Wrong colour');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Why?' }), 'late');
    await userEvent.click(screen.getByRole('checkbox', { name: 'I opened it' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Credit' }));
    fireEvent.change(screen.getByTestId('widget-datepicker'), { target: { value: '2026-04-02' } });
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(widget.sent()).toEqual([
      {
        type: 'return.details',
        payload: {
          order_id: 'A1',
          email: 'jane@example.com',
          note: 'Wrong colour',
          reason: 'late',
          opened: true,
          keep_box: true,
          refund: 'credit',
          pickup: '2026-04-02',
          name: 'Jane',
        },
      },
    ]);
  });

  it('pressing Enter in a form field submits it, and required fields are checked first', async () => {
    const widget = renderWidget({
      type: 'Form',
      onSubmitAction: { type: 'lookup' },
      children: [
        { type: 'Input', name: 'email', required: true },
        { type: 'Button', label: 'Find', submit: true },
      ],
    });
    await userEvent.click(screen.getByRole('button', { name: 'Find' }));
    expect(widget.sent()).toEqual([]);
    await userEvent.type(screen.getByRole('textbox', { name: 'Email' }), 'a@b.co{Enter}');
    expect(widget.sent()).toEqual([{ type: 'lookup', payload: { email: 'a@b.co' } }]);
  });

  it("a submit button's own action wins over the form's", async () => {
    const widget = renderWidget({
      type: 'Form',
      onSubmitAction: { type: 'default' },
      children: [
        { type: 'Input', name: 'zip', defaultValue: '94110' },
        {
          type: 'Button',
          label: 'Other',
          submit: true,
          onClickAction: { type: 'special', payload: { via: 'button' } },
        },
      ],
    });
    await userEvent.click(screen.getByRole('button', { name: 'Other' }));
    expect(widget.sent()).toEqual([{ type: 'special', payload: { via: 'button', zip: '94110' } }]);
  });

  it('a non-submit Button inside a form sends its action with the current field values', async () => {
    const widget = renderWidget({
      type: 'Form',
      children: [
        { type: 'Input', name: 'qty', defaultValue: '2' },
        { type: 'Button', label: 'Back', onClickAction: { type: 'back' } },
      ],
    });
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(widget.sent()).toEqual([{ type: 'back', payload: { qty: '2' } }]);
  });

  it('a Card asForm sends confirm and cancel with its fields', async () => {
    const widget = renderWidget({
      type: 'Card',
      asForm: true,
      children: [
        { type: 'Checkbox', name: 'item_1', label: 'Shoes', defaultChecked: true },
        { type: 'Checkbox', name: 'item_2', label: 'Socks' },
      ],
      confirm: {
        label: 'Return selected',
        action: { type: 'items.selected', payload: { order_id: 'A1' } },
      },
      cancel: { label: 'Cancel', action: { type: 'flow.cancel' } },
    });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Socks' }));
    await userEvent.click(screen.getByRole('button', { name: 'Return selected' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(widget.sent()).toEqual([
      { type: 'items.selected', payload: { order_id: 'A1', item_1: true, item_2: true } },
      { type: 'flow.cancel', payload: { item_1: true, item_2: true } },
    ]);
  });

  it('a Card that is not a form sends confirm and cancel as they are', async () => {
    const widget = renderWidget({
      type: 'Card',
      children: [{ type: 'Input', name: 'x', defaultValue: 'not sent' }],
      confirm: { label: 'Yes', action: { type: 'yes' } },
      cancel: { label: 'No', action: { type: 'no', payload: { why: 'changed mind' } } },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Yes' }));
    await userEvent.click(screen.getByRole('button', { name: 'No' }));
    expect(widget.sent()).toEqual([
      { type: 'yes' },
      { type: 'no', payload: { why: 'changed mind' } },
    ]);
  });

  it('a Form nested in a Card asForm validates and submits on its own', async () => {
    const widget = renderWidget({
      type: 'Card',
      asForm: true,
      children: [
        { type: 'Input', name: 'outer', defaultValue: 'o' },
        {
          type: 'Form',
          onSubmitAction: { type: 'inner.submit' },
          children: [
            { type: 'Input', name: 'inner', required: true },
            { type: 'Button', label: 'Save inner', submit: true },
          ],
        },
      ],
      confirm: { label: 'Confirm all', action: { type: 'outer.submit' } },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save inner' }));
    expect(widget.sent()).toEqual([]);
    await userEvent.type(screen.getByRole('textbox', { name: 'Inner' }), 'value');
    await userEvent.click(screen.getByRole('button', { name: 'Save inner' }));
    expect(widget.sent()).toEqual([{ type: 'inner.submit', payload: { inner: 'value' } }]);
  });

  it('Select, Checkbox, RadioGroup and DatePicker send onChangeAction with their value', async () => {
    const widget = renderWidget({
      type: 'Col',
      children: [
        {
          type: 'Select',
          name: 'size',
          onChangeAction: { type: 'size.set', payload: { sku: 'S1' } },
          options: [
            { value: 'm', label: 'M' },
            { value: 'l', label: 'L' },
          ],
        },
        { type: 'Checkbox', name: 'gift', label: 'Gift', onChangeAction: { type: 'gift.set' } },
        {
          type: 'RadioGroup',
          name: 'speed',
          onChangeAction: { type: 'speed.set' },
          options: [
            { value: 'fast', label: 'Fast' },
            { value: 'slow', label: 'Slow' },
          ],
        },
        { type: 'DatePicker', name: 'day', onChangeAction: { type: 'day.set' } },
      ],
    });
    await userEvent.selectOptions(screen.getByRole('combobox'), 'l');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Gift' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Slow' }));
    fireEvent.change(screen.getByTestId('widget-datepicker'), { target: { value: '2026-05-06' } });
    expect(widget.sent()).toEqual([
      { type: 'size.set', payload: { sku: 'S1', size: 'l' } },
      { type: 'gift.set', payload: { gift: true } },
      { type: 'speed.set', payload: { speed: 'slow' } },
      { type: 'day.set', payload: { day: '2026-05-06' } },
    ]);
  });

  it('while a reply streams, clicks are ignored but the button keeps focus', async () => {
    const widget = renderWidget(
      { type: 'Button', label: 'Go', onClickAction: { type: 'go' } },
      { locked: true },
    );
    const button = screen.getByRole('button', { name: 'Go' });
    expect(button).not.toBeDisabled();
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(button);
    expect(button).toHaveFocus();
    expect(widget.sent()).toEqual([]);
  });

  it('the clicked button shows it is loading; a container action dims the widget', () => {
    const widget = renderWidget({
      type: 'Row',
      children: [
        { type: 'Button', label: 'One', onClickAction: { type: 'one' } },
        { type: 'Button', label: 'Two', onClickAction: { type: 'two' } },
      ],
    });
    screen.getByRole('button', { name: 'One' }).click();
    const sourceId = widget.dispatch.mock.calls[0]![0].sourceId;
    widget.rerender(
      {
        type: 'Basic',
        children: [
          {
            type: 'Row',
            children: [
              { type: 'Button', label: 'One', onClickAction: { type: 'one' } },
              { type: 'Button', label: 'Two', onClickAction: { type: 'two' } },
            ],
          },
        ],
      },
      { busySourceId: sourceId, busyScope: 'self', locked: true },
    );
    expect(screen.getByRole('button', { name: 'One' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('button', { name: 'One' }).querySelector('.rd-spinner')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Two' })).not.toHaveAttribute('aria-busy');
    widget.rerender(
      { type: 'Basic', children: [] },
      { busySourceId: 'x', busyScope: 'container', locked: true },
    );
    expect(document.querySelector('.rd-widget')).toHaveAttribute('aria-busy', 'true');
  });

  it('the host gets the action config, so it can run client-handled actions itself', async () => {
    const widget = renderWidget({
      type: 'Button',
      label: 'Open help',
      onClickAction: { type: 'help.open', handler: 'client', loadingBehavior: 'none' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Open help' }));
    expect(widget.dispatch).toHaveBeenCalledWith(
      expect.objectContaining({
        action: { type: 'help.open', handler: 'client', loadingBehavior: 'none' },
      }),
    );
  });

  it('does nothing for a button without an action', async () => {
    const onError = vi.spyOn(console, 'error');
    const widget = renderWidget({ type: 'Button', label: 'Decoration' });
    await userEvent.click(screen.getByRole('button', { name: 'Decoration' }));
    expect(widget.sent()).toEqual([]);
    expect(onError).not.toHaveBeenCalled();
  });
});
