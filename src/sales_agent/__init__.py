"""Napoleon Sales Agent: an autonomous seller of Napoleon IT «Отзывы» over email and Telegram."""

__version__ = "0.1.0"
