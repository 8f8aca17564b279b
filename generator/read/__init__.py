"""Read: files in the seeds folder become `Source`s (decoded text, validated front matter),
or `Problem`s that name the file and the reason."""

from generator.read.files import parse_front_matter, read_article, read_folder

__all__ = ["parse_front_matter", "read_article", "read_folder"]
