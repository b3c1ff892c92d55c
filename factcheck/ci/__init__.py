"""The project's CI state and the check run: suppressions in articles, the decisions baseline, the
result cache (`resultcache`: the findings of unchanged articles, reused), and `run`, which plans the
files of a project, checks them (in parallel via `runner`) and settles what is reported. Takes in a
project's settings and inputs; gives out reports and exit codes. May import every stage before it,
never the review app or the CLI.
"""
