"""The pure core: contacts, conversations, intents and the decision of what to do next. No I/O."""
