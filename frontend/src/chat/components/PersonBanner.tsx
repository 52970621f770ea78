import { Icon } from '../../ui/Icon';

/**
 * Says, above the message box, that a person answers now rather than the
 * assistant: the shopper should not wait for an instant reply.
 */
export function PersonBanner({ name }: { name: string | null }) {
  // The live region stays in the page so that a person arriving is read out.
  return (
    <div role="status" data-testid="person-banner">
      {name ? (
        <p className="rd-person-banner">
          <Icon name="user" size={16} />
          <span>{name} from our team is handling this conversation.</span>
        </p>
      ) : null}
    </div>
  );
}
