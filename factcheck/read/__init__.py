"""Reading articles: turns what the user names (files, folders, globs, HTML pages, URLs) into
`Document`s of plain text with offsets. Takes in paths and addresses; gives out `read.document.Document`.
May import only `factcheck.model`, `factcheck.errors` and `factcheck.config`; `web/` (httpx, trafilatura) is
reached only from here and from the CLI, and is imported lazily.
"""
