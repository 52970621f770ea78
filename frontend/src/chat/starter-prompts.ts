export interface StarterPrompt {
  label: string;
  text: string;
  icon: string;
}

export const STARTER_PROMPTS: readonly StarterPrompt[] = [
  { label: 'Return', text: "I'd like to return an item", icon: 'cube' },
  { label: 'Exchange', text: 'I want to exchange something for another size', icon: 'reload' },
  { label: 'Cancel', text: 'Please cancel my order', icon: 'circle-question' },
  { label: 'Track', text: 'Where is my return?', icon: 'map-pin' },
];
