"""``factcheck review``: go through an article claim by claim in a full-screen terminal app.

``article`` keeps the file safe (backup, atomic writes, recovery), ``session`` holds the
decision logic apart from any screen, ``view`` turns the session into rich text, and
``screens`` / ``app`` are the Textual front end.
"""
