"""Practice: interview plans, follow-up questions, sessions and summaries (domain logic, no UI)."""
