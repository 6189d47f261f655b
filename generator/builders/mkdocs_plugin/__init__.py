"""The thin MkDocs adapter: it feeds generated pages into a MkDocs build."""
