"""Loops over the store: the logic worker, channel workers, the scheduler."""
