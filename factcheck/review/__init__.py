"""``factcheck review``: go through an article claim by claim in a full-screen terminal app.

``article`` keeps the file safe (backup, atomic writes, recovery), ``session`` holds the
decision logic apart from any screen, ``view`` turns the session into rich text, and
``screens`` / ``app`` are the Textual front end.

Takes in an article, the engine and the decisions file; gives out an edited article and decisions.
May import every stage up to the CI state (never the CLI); only the CLI imports it.
"""
