"""Every change to an archive, in one place (in the style of Anki's aqt/operations).

Each operation takes the acting account (`Actor`), checks what its role may
do (`actor.py`, the one place roles are checked), runs in one transaction,
audits under the actor's name and returns `Changes`: the items it touched and
the kinds of change, read from the change feed it appended to. The command
line and the window call the same operations; the window reacts to the answer.

    items.py     save an item with its people, places and transcript
    consent.py   record, withdraw, change, review consent
    media.py     files on items
    exhibits.py  exhibits, sections, entries
    trust.py     fixity checks
    search.py    saved searches
"""

from memoria.domain.changes import ChangeKind, Changes
from memoria.operations.actor import Action, Actor, NotPermitted, require

__all__ = ["Action", "Actor", "ChangeKind", "Changes", "NotPermitted", "require"]
