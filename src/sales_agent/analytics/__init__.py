"""A lead's own review analytics (numbers and charts) and the funnel figures."""
