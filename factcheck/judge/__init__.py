"""Judging: matches each claim to reference facts, compares figures and periods, and decides and
explains a verdict; `check.Engine` wires extraction and judging together. Takes in `Claim`s and the `Library`;
gives out `model.Finding`s. May import extraction and everything before it, never reporting, CI state or the CLI.
"""
