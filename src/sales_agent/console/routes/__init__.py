"""One router per resource, gathered here in menu order."""

from . import (
    analytics,
    auth,
    contacts,
    corrections,
    funnel,
    handoff,
    imports,
    quarantine,
    sandbox,
    status,
    unsubscribe,
)

ROUTERS = [auth.router, contacts.router, corrections.router, imports.router, handoff.router,
           funnel.router, analytics.router, sandbox.router, status.router, quarantine.router,
           unsubscribe.router]
