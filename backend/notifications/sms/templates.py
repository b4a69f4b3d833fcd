"""Logical SMS templates: each names the parameters its text takes, in the order of the provider's template
(Tencent's templates take a list {1}, {2}...; Aliyun's a JSON object ${name}). Each installation registers the
texts with its provider and sets their ids (SMS_TEMPLATE_<NAME>); the suggested texts are in README.

Notices' templates take the notification's title; the full text stays in the app (SMS variables are short)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Template:
    name: str
    params: tuple[str, ...]
    # Longest value a parameter may carry (Aliyun's limit for a variable is 35 characters).
    max_length: int = 35


TEMPLATES = {
    t.name: t
    for t in [
        # An invitation's link is longer than a variable may usually be: approved templates may carry links.
        Template("invitation", ("code", "link"), max_length=200),
        Template("login_code", ("code", "minutes")),
        Template("reset_code", ("code", "minutes")),
        Template("order_code", ("code", "minutes")),
        Template("plan_published", ("title",)),
        Template("backfill", ("title",)),
        Template("backfill_report", ("title",)),
        Template("reminder", ("title",)),
        Template("post_allocated", ("title",)),
        Template("resource_withdrawn", ("title",)),
        Template("resource_backfill", ("title",)),
        Template("need_overdue", ("title",)),
        Template("shift_cancelled", ("title",)),
        Template("need_handed_over", ("title",)),
        Template("seat_claimed", ("title",)),
        Template("wish_claimed", ("title",)),
        Template("booking_released", ("title",)),
    ]
}


def template_get(name: str) -> Template:
    try:
        return TEMPLATES[name]
    except KeyError:
        raise ValueError(f"unknown SMS template {name!r}; known: {', '.join(sorted(TEMPLATES))}") from None


def template_params(name: str, params: dict) -> dict[str, str]:
    """The parameters of a template as strings, in its order; ValueError when one is missing or unknown."""
    template = template_get(name)
    given, wanted = set(params), set(template.params)
    if given != wanted:
        raise ValueError(f"SMS template {name!r} takes {list(template.params)}, got {sorted(given)}")
    return {key: str(params[key])[: template.max_length] for key in template.params}
