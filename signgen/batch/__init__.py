"""Role: many communities at once (the batch runner and its summary)."""
