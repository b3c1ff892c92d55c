"""Reporting: turns findings into records (the JSON shape) and writes them in each output format
(text, JSON, SARIF, GitHub, JUnit, GitLab) safely. Takes in `Finding`s per `Document`; gives out report
dicts and files. May import the engine (reading to judging), never CI state, the review app or the CLI.
"""
