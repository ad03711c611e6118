"""drafter: Vietnamese local-defence review drafts from structured figures.

>>> import drafter
>>> sorted(name for name in drafter.__all__)
['batch', 'check', 'draft', 'explain', 'lay_out', 'render', 'render_to_file', 'review_copy', 'rollup', 'validate']
"""

__version__ = "0.1.0"
__all__ = ["batch", "check", "draft", "explain", "lay_out", "render", "render_to_file", "review_copy", "rollup",
           "validate"]


def __getattr__(name):
    # Imported on first use so that `drafter --help` does not pay for python-docx and Jinja2.
    if name in __all__:
        from drafter import api

        return getattr(api, name)
    raise AttributeError(name)
