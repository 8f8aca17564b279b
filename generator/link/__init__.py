"""Link: the briefs joined into a `Corpus`: one entity for every real-world entity whatever
each source calls it, and the related briefs of each brief."""

from generator.link.corpus import link_briefs

__all__ = ["link_briefs"]
