"""Names that `vulture` (the dead-code check in `make lint`) cannot see being used.

Each is read by a framework or a protocol, not by our code: listed here by who uses it.
Anything else vulture reports is dead and is removed, not added here.
"""

# ruff: noqa
# fmt: off

# The policy file's reason examples: documentation the policy schema accepts.
examples
# Stored in every conversation state written so far; removing the field would refuse them.
recorded
_.recorded
# The Agents SDK `Model` interface: the offline model takes every argument a hosted one does.
_.get_response
_.stream_response
model_settings
tools
output_schema
tracing
previous_response_id
conversation_id
prompt
# A generated tool's signature and annotations, read by the Agents SDK's function_tool.
_.__signature__
_.__annotations__
# Usage figures, read with `dataclasses.asdict` for GET /api/usage.
offline_turns
provider_errors
_.offline_turns
_.provider_errors
# SQLAlchemy: mapped columns, relationships, type decorators, session options.
cancelled_at
_.cancelled_at
city
country
return_
type_annotation_map
impl
cache_ok
_.process_bind_param
_.process_result_value
_.isolation_level
# Alembic: what every migration module declares.
down_revision
branch_labels
depends_on
downgrade
# The SQLite driver: the DBAPI cursor and SQLAlchemy adapter methods it overrides.
_._soft_closed_memoized
_._cursor
_.nextset
_.setinputsizes
inputsizes
_._async_soft_close
_._execute_async
_._executemany_async
# The seed files' schema (pydantic): fields the format has that nothing reads.
about
# Logging: the formatter's `asctime` record attribute.
_.asctime
# Tests: uvicorn's exit flag; a fixture requested by name for its effect.
_.should_exit
local_clock_behind_utc
# Tests: the standard library's HTTP server calls its handler's methods by name.
_.do_POST
_.log_message
_.daemon_threads
