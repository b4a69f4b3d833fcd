"""The refusals every kind of run shares, with the codes the API answers (the same for matching and post
allocation runs: one meaning, one class, one code)."""

from core.errors import ApplicationError, Conflict


class RunNotAllowed(ApplicationError):
    """Only coordinators start, cancel and publish runs."""

    code = "permission_denied"
    status_code = 403


class ScopeNotFound(ApplicationError):
    """The community, sub-district or district named is not in the caller's scope (or does not exist)."""

    code = "not_found"
    status_code = 404


class RunAlreadyActive(Conflict):
    """Another run of the same scope and period is still queued or working."""

    code = "run_active"


class RunEnded(Conflict):
    """The run has already ended; only a queued or working run can be cancelled."""

    code = "run_ended"


class RunNotDone(Conflict):
    """Only a run that has finished with a plan (done) can be published."""

    code = "run_not_done"


class AlreadyPublished(Conflict):
    """The scope and period already have a published plan; a period is published once."""

    code = "already_published"


class RunNotEditable(Conflict):
    """Only a done run whose period is not yet published can be reviewed."""

    code = "run_not_editable"


class RuleBroken(ApplicationError):
    """The pair asked for would break a hard rule of the optimizer."""

    code = "rule_broken"
