"""The IT toolkit: design drill, explain-it-simply drill, stack-gap talking points, portfolio check.

Each tool keeps its catalogue as data in this package (design.yaml, explain.yaml, stack.yaml,
portfolio.yaml, questions.yaml) with a pydantic schema, and judges answers with the feedback engine
(coach.check) plus checks of its own.
"""
