"""The reference library: loads and validates the curated, sourced tables of `reference_data/`
(and a newsroom's own folders). Takes in CSV/TOML table folders; gives out `reference.library.Library`
of `reference.tables.Table`s holding `model.Fact`s. May import only `factcheck.model` and `factcheck.errors`.
"""
