"""The standards site: every page and download of the MkDocs site, generated from the specs.

:func:`signgen.site.generate.generate_site` builds it all in memory; the MkDocs plugin
(:mod:`signgen.site.plugin`) only hands the result to MkDocs.
"""
