"""The mkdocs side: the plugin that runs the pipeline inside mkdocs, the staging of pages for
dirty builds, and the search index completed with what the pipeline knows."""
