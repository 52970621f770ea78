import {
  forwardRef,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { Icon } from '../../ui/Icon';
import type { SendResult } from '../use-chat';

export interface ComposerProps {
  brandName: string;
  streaming: boolean;
  /** A conversation is being opened: typing is fine, sending waits. */
  loading: boolean;
  canStop: boolean;
  disabledReason: string | null;
  onSend: (text: string) => Promise<SendResult>;
  onStop: () => void;
}

export interface ComposerHandle {
  focus(): void;
}

const MAX_HEIGHT_PX = 200;

export const Composer = forwardRef<ComposerHandle, ComposerProps>(function Composer(
  { brandName, streaming, loading, canStop, disabledReason, onSend, onStop },
  handle,
) {
  const [text, setText] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(handle, () => ({ focus: () => area.current?.focus() }), []);

  // Grow with the text up to a limit, then scroll.
  useLayoutEffect(() => {
    const element = area.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${Math.min(element.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [text]);

  const disabled = disabledReason !== null;
  const canSend = !disabled && !streaming && !loading && text.trim().length > 0;

  const submit = async () => {
    if (!canSend) return;
    const sent = text;
    setText('');
    const result = await onSend(sent);
    // The server never got it: give the text back rather than lose it.
    if (result === 'failed') setText((current) => (current === '' ? sent : current));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <form
      className="rd-composer"
      data-testid="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor="rd-composer-input" className="rd-sr-only">
        Message
      </label>
      <textarea
        id="rd-composer-input"
        ref={area}
        className="rd-composer__input"
        rows={1}
        value={text}
        placeholder={disabledReason ?? `Message ${brandName}…`}
        disabled={disabled}
        aria-describedby="rd-composer-hint"
        data-testid="composer-input"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span id="rd-composer-hint" className="rd-sr-only">
        Press Enter to send, Shift+Enter for a new line.
      </span>
      {streaming && canStop ? (
        <button
          type="button"
          className="rd-composer__btn rd-composer__btn--stop"
          aria-label="Stop answering"
          data-testid="composer-stop"
          onClick={onStop}
        >
          <Icon name="stop" size={16} />
        </button>
      ) : (
        <button
          type="submit"
          className="rd-composer__btn"
          aria-label="Send message"
          aria-disabled={!canSend || undefined}
          data-testid="composer-send"
        >
          <Icon name="send" size={18} />
        </button>
      )}
    </form>
  );
});
