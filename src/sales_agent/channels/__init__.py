"""Channels move messages between the agent and leads: email, Telegram bot, Telegram user, sandbox."""
