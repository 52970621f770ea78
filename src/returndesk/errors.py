"""The errors ReturnDesk reports to whoever made a request or runs a command.

    ReturnDeskError
    ├── ConfigurationError      bad settings or policy file; start-up stops
    ├── SchemaNotCurrent        the database needs `returndesk db upgrade`
    ├── DataError               malformed store data given to `seed`
    ├── NotFound                no such thing for this owner or customer
    ├── TooManyAttempts         verification locked after repeated failures
    ├── ServiceBusy             the database throttled the request past its retries
    ├── InvalidToken            an embedded-mode customer token that does not verify
    ├── InvalidRequest          a malformed or unsupported client request
    │   └── RequestTooLarge     the body is over the configured limit
    └── DomainError             a business rule refused the request
        ├── NotEligible
        ├── InvalidTransition
        └── Conflict            the change collides with another one

Third-party errors are translated at the boundary with ``raise ... from exc``;
`returndesk.web.errors` maps this tree to HTTP answers in one place. A few
exceptions are signals inside one layer and never reach a caller as such: the
engine's `EventRejected` and `InvalidAction` become a sentence for the shopper,
the store's `ReadOnlySession`, `WriteLockTimeout` and `NestedWrite` guard its
sessions.
"""

from __future__ import annotations


class ReturnDeskError(Exception):
    """Base class; `message` is safe to show to the person who made the request."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigurationError(ReturnDeskError):
    pass


class SchemaNotCurrent(ReturnDeskError):
    """The database lacks this version's tables: it needs `returndesk db upgrade`."""


class DataError(ReturnDeskError):
    """Store data that cannot be loaded; names the file and the field."""

    def __init__(self, file: str, field: str, problem: str) -> None:
        super().__init__(f"{file}: {field}: {problem}")
        self.file = file
        self.field = field
        self.problem = problem


class NotFound(ReturnDeskError):
    pass


class InvalidRequest(ReturnDeskError):
    pass


class RequestTooLarge(InvalidRequest):
    def __init__(self, limit: int) -> None:
        super().__init__(f"The request body is larger than the limit of {limit} bytes.")
        self.limit = limit


class InvalidToken(ReturnDeskError):
    """A customer token from the store's site that does not verify."""


class TooManyAttempts(ReturnDeskError):
    """Verification is locked for a while after repeated failures."""


class ServiceBusy(ReturnDeskError):
    """The database kept refusing for lack of throughput (Cosmos DB's 429) after the
    retries it allows: the request may be made again in a moment."""


class InvalidCredentials(ReturnDeskError):
    """A staff sign-in whose email or password is wrong; which one is not said."""


class Forbidden(ReturnDeskError):
    """A staff route without a staff session, or a change without its CSRF token."""


class DomainError(ReturnDeskError):
    pass


class NotEligible(DomainError):
    pass


class InvalidTransition(DomainError):
    pass


class Conflict(DomainError):
    pass
