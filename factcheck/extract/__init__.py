"""Extraction: finds the checkable claims in a document (sentences, numbers, time expressions,
named entities, attributed sources, subjects). Takes in a `Document` and the `Library` (for entity and
source names); gives out `model.Claim`s. May import reading, the reference library and the shared modules.
"""
