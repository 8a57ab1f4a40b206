"""Channels move messages between the agent and leads: email, Telegram bot and user, sandbox."""
