import type { Branding } from '../../branding/branding';
import { Icon } from '../../ui/Icon';
import { STARTER_PROMPTS } from '../starter-prompts';

export function EmptyState({
  branding,
  onPrompt,
  disabled,
}: {
  branding: Branding;
  onPrompt: (text: string) => void;
  disabled: boolean;
}) {
  return (
    <div className="rd-empty" data-testid="empty-state">
      <div className="rd-empty__mark" aria-hidden="true">
        {branding.logoUrl ? (
          <img src={branding.logoUrl} alt="" />
        ) : (
          <Icon name="lifesaver" size={28} />
        )}
      </div>
      <h2 className="rd-empty__title">How can we help today?</h2>
      <p className="rd-empty__text">
        Start a return or an exchange, cancel or change an order that hasn't shipped, check where an
        order or a return stands, or ask about a product.
      </p>
      <ul className="rd-prompts" aria-label="Suggestions">
        {STARTER_PROMPTS.map((prompt) => (
          <li key={prompt.text}>
            <button
              type="button"
              className="rd-prompt"
              data-testid="starter-prompt"
              disabled={disabled}
              onClick={() => onPrompt(prompt.text)}
            >
              <Icon name={prompt.icon} size={18} />
              <span>
                <span className="rd-prompt__label">{prompt.label}</span>
                <span className="rd-prompt__text">{prompt.text}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
