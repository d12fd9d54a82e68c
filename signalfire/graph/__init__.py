"""The actor knowledge graph: typed, dated, sourced relations between armed actors.

- `model`: Relation and Source, RELATION_TYPES, the store's relations/relation_sources tables
- `derive`: fights, targets and operates_in spells (and first appearances) from event data
- `curated`: the packaged file of cited public facts
- `text`: relations stated in text (RelationExtractor), built on `parse` (the parsed document
  and what rules ask of it), `rules` (the trigger-word rules) and `lexicon` (their word lists)
- `export`: JSON, GraphML and a self-contained HTML network
- `features`: actor-level panels and relation features for forecasting
"""
