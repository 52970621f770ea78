import { describe, expect, it } from 'vitest';
import { textInput, toAction } from '../../src/protocol';

describe('toAction', () => {
  it('sends only type and payload, dropping handler and loading hints', () => {
    expect(
      toAction({
        type: 'return.start',
        payload: { order: 'A1' },
        handler: 'server',
        loadingBehavior: 'self',
      }),
    ).toEqual({ type: 'return.start', payload: { order: 'A1' } });
  });

  it('merges form values into the payload by field name, fields winning', () => {
    expect(
      toAction(
        { type: 'reason.set', payload: { item: 'sku-1', reason: 'old' } },
        { reason: 'too_small', keep: true },
      ),
    ).toEqual({
      type: 'reason.set',
      payload: { item: 'sku-1', reason: 'too_small', keep: true },
    });
  });

  it('builds a payload from the fields when the action has none', () => {
    expect(toAction({ type: 'lookup' }, { email: 'a@b.c' })).toEqual({
      type: 'lookup',
      payload: { email: 'a@b.c' },
    });
    expect(toAction({ type: 'lookup' })).toEqual({ type: 'lookup' });
  });
});

describe('textInput', () => {
  it('includes the attachments and inference options the server requires', () => {
    expect(textInput('hi')).toEqual({
      content: [{ type: 'input_text', text: 'hi' }],
      attachments: [],
      inference_options: {},
    });
  });
});
