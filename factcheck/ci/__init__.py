"""The project's CI state and the check run: suppressions in articles, the decisions baseline, the
result cache (`resultcache`: the results of unchanged articles, reused), and `run`, which plans the
files of a project, checks them (in parallel via `runner`) and settles what is reported (each
article's result as the JSON report's text, `outcome`, written as it comes). Takes in a
project's settings and inputs; gives out reports and exit codes. May import every stage before it,
never the review app or the CLI.
"""
