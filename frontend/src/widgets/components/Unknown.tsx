export function UnknownWidget({ type }: { type: string }) {
  return (
    <div className="rd-unknown" role="note" data-testid="widget-unknown">
      This part of the message can't be shown here ({type || 'unnamed'}).
    </div>
  );
}
