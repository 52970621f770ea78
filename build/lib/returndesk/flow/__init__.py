"""The conversation engine: one flow definition, fed by clicks and by the language model alike."""
