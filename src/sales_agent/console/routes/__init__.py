"""One router per resource, gathered here in menu order."""

from . import (
    analytics,
    auth,
    contacts,
    funnel,
    handoff,
    imports,
    quarantine,
    sandbox,
    status,
    unsubscribe,
)

ROUTERS = [auth.router, contacts.router, imports.router, handoff.router, funnel.router,
           analytics.router, sandbox.router, status.router, quarantine.router, unsubscribe.router]
