"""Use cases shared by the CLI, the console and the workers: each opens nothing, takes a Store."""
