"""Accounts on a shared deployment: invitations, sign-in with lockout and a rate limit, sessions that can
be ended, password change and reset, sharing with a coach, a coach's comments and assignments, the log of
a coach's look-ups, and deleting an account with everything of it.

Passwords are hashed with argon2 (argon2-cffi); session, invitation and reset tokens are random and only
their SHA-256 is stored. A local installation has none of these rows.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update

from coach.store.models import (
    Account,
    Answer,
    Assignment,
    AuthSession,
    Base,
    CoachAccess,
    CoachComment,
    Invitation,
    Share,
    SignInFailure,
    User,
    utc,
    utcnow,
)
from coach.store.repository import Store

ROLES = ("candidate", "coach", "admin")
MIN_PASSWORD = 10
MAX_PASSWORD = 200
INVITE_DAYS = 7
RESET_HOURS = 48
SESSION_DAYS = 14
LOCK_AFTER = 5  # failed sign-ins in a row on one account
LOCK_MINUTES = 15
SOURCE_LIMIT = 20  # failed sign-ins from one address within SOURCE_WINDOW
SOURCE_WINDOW = timedelta(minutes=15)
MAX_COMMENT = 4000


class AccountError(ValueError):
    """A request about an account that can't be done; `code` says which message to show."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class SignedIn:
    """Who a session belongs to."""

    user_id: int
    email: str
    role: str


def _hasher() -> Any:
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(password: str) -> str:
    """The argon2id hash of `password`."""
    return str(_hasher().hash(password))


def password_matches(stored_hash: str, password: str) -> bool:
    """Whether `password` matches the stored argon2 hash."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(_hasher().verify(stored_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def token_hash(token: str) -> str:
    """What is stored of a token: its SHA-256, hex."""
    return hashlib.sha256(token.encode()).hexdigest()


def normal_email(email: str) -> str:
    """An e-mail address as it is compared: trimmed and in lower case."""
    return email.strip().lower()


def check_new_password(password: str) -> None:
    """Refuse a password that is too short or too long."""
    if len(password) < MIN_PASSWORD:
        raise AccountError("short")
    if len(password) > MAX_PASSWORD:
        raise AccountError("long")


def _valid_email(email: str) -> bool:
    local, _, domain = email.partition("@")
    return bool(local) and "." in domain and len(email) <= 254 and " " not in email


# --- invitations and resets ---------------------------------------------------------------------------


def invite(store: Store, issuer_id: int, email: str, role: str = "candidate", days: int = INVITE_DAYS) -> str:
    """An invitation link's token for `email` to make an account with `role`; valid for `days` days."""
    email = normal_email(email)
    if not _valid_email(email):
        raise AccountError("email")
    if role not in ROLES:
        raise AccountError("role")
    token = secrets.token_urlsafe(32)
    with store.session() as s:
        if s.scalar(select(Account.id).where(Account.email == email)) is not None:
            raise AccountError("taken")
        s.add(
            Invitation(
                user_id=issuer_id,
                kind="invite",
                email=email,
                role=role,
                token_hash=token_hash(token),
                expires_at=utcnow() + timedelta(days=days),
            )
        )
    return token


def open_invitation(store: Store, token: str, kind: str = "invite") -> Invitation | None:
    """The unused, unexpired invitation (or reset) with this token, else None."""
    with store.session() as s:
        found = s.scalar(
            select(Invitation).where(Invitation.token_hash == token_hash(token), Invitation.kind == kind)
        )
        if found is None or found.used_at is not None or utc(found.expires_at) < utcnow():
            return None
        return found


def accept_invitation(store: Store, token: str, password: str) -> int:
    """Make the invited account with `password`; returns its user id. The link works once."""
    check_new_password(password)
    hashed = hash_password(password)
    with store.session() as s:
        found = s.scalar(
            select(Invitation)
            .where(Invitation.token_hash == token_hash(token), Invitation.kind == "invite")
            .with_for_update()
        )
        if found is None or found.used_at is not None or utc(found.expires_at) < utcnow():
            raise AccountError("expired")
        if s.scalar(select(Account.id).where(Account.email == found.email)) is not None:
            raise AccountError("taken")
        found.used_at = utcnow()
        user = User(name=f"account:{secrets.token_hex(8)}")
        s.add(user)
        s.flush()
        s.add(Account(user_id=user.id, email=found.email, password_hash=hashed, role=found.role))
        return user.id


def issue_reset(store: Store, issuer_id: int, for_user_id: int) -> str:
    """A one-time link's token to set a new password for `for_user_id` (given by a coach or admin)."""
    token = secrets.token_urlsafe(32)
    with store.session() as s:
        account = s.scalar(select(Account).where(Account.user_id == for_user_id))
        if account is None:
            raise AccountError("missing")
        s.add(
            Invitation(
                user_id=issuer_id,
                kind="reset",
                email=account.email,
                role=account.role,
                for_user_id=for_user_id,
                token_hash=token_hash(token),
                expires_at=utcnow() + timedelta(hours=RESET_HOURS),
            )
        )
    return token


def use_reset(store: Store, token: str, password: str) -> int:
    """Set the new password of a reset link (once); every session of the account ends."""
    check_new_password(password)
    hashed = hash_password(password)
    with store.session() as s:
        found = s.scalar(
            select(Invitation)
            .where(Invitation.token_hash == token_hash(token), Invitation.kind == "reset")
            .with_for_update()
        )
        if (
            found is None
            or found.for_user_id is None
            or found.used_at is not None
            or utc(found.expires_at) < utcnow()
        ):
            raise AccountError("expired")
        found.used_at = utcnow()
        user_id = found.for_user_id
        s.execute(
            update(Account)
            .where(Account.user_id == user_id)
            .values(password_hash=hashed, failed_sign_ins=0, locked_until=None)
        )
        s.execute(delete(AuthSession).where(AuthSession.user_id == user_id))
        return user_id


# --- sign-in and sessions -----------------------------------------------------------------------------


def sign_in(store: Store, email: str, password: str, source: str) -> int:
    """The user id for a right e-mail and password; AccountError("wrong" | "locked" | "limited") else.

    An account is locked for LOCK_MINUTES after LOCK_AFTER wrong passwords in a row; an address with
    SOURCE_LIMIT failures within SOURCE_WINDOW is refused without checking anything.
    """
    source_key = token_hash(source)
    email = normal_email(email)
    now = utcnow()
    with store.session() as s:
        recent = s.scalar(
            select(func.count())
            .select_from(SignInFailure)
            .where(SignInFailure.source == source_key, SignInFailure.created_at > now - SOURCE_WINDOW)
        )
        if (recent or 0) >= SOURCE_LIMIT:
            raise AccountError("limited")
        account = s.scalar(select(Account).where(Account.email == email))
    if account is not None and account.locked_until is not None and utc(account.locked_until) > now:
        raise AccountError("locked")
    if account is None:
        _hasher().hash(password)  # the same work as a real check, so timing doesn't tell who has an account
        ok = False
    else:
        ok = password_matches(account.password_hash, password)
    with store.session() as s:
        if ok and account is not None:
            s.execute(
                update(Account).where(Account.id == account.id).values(failed_sign_ins=0, locked_until=None)
            )
            return account.user_id
        s.add(SignInFailure(user_id=account.user_id if account else None, source=source_key))
        if account is not None:
            failed = account.failed_sign_ins + 1
            values: dict[str, Any] = {"failed_sign_ins": failed}
            if failed >= LOCK_AFTER:
                values = {"failed_sign_ins": 0, "locked_until": now + timedelta(minutes=LOCK_MINUTES)}
            s.execute(update(Account).where(Account.id == account.id).values(**values))
    raise AccountError("wrong")


def start_session(store: Store, user_id: int, days: int = SESSION_DAYS) -> str:
    """A new session for `user_id`; returns the token for its cookie."""
    token = secrets.token_urlsafe(32)
    with store.session() as s:
        s.add(
            AuthSession(
                user_id=user_id, token_hash=token_hash(token), expires_at=utcnow() + timedelta(days=days)
            )
        )
    return token


def session_user(store: Store, token: str | None) -> SignedIn | None:
    """Who the session with this token belongs to, if it exists and has not expired."""
    if not token or len(token) > 100:
        return None
    with store.session() as s:
        row = s.execute(
            select(AuthSession.user_id, AuthSession.expires_at, Account.email, Account.role)
            .join(Account, Account.user_id == AuthSession.user_id)
            .where(AuthSession.token_hash == token_hash(token))
        ).first()
    if row is None or utc(row.expires_at) < utcnow():
        return None
    return SignedIn(row.user_id, row.email, row.role)


def end_session(store: Store, token: str) -> None:
    """Sign this browser out."""
    with store.session() as s:
        s.execute(delete(AuthSession).where(AuthSession.token_hash == token_hash(token)))


def end_all_sessions(store: Store, user_id: int) -> int:
    """Sign out everywhere: every session of the user ends; returns how many."""
    with store.session() as s:
        return int(s.execute(delete(AuthSession).where(AuthSession.user_id == user_id)).rowcount or 0)


def change_password(store: Store, user_id: int, current: str, new: str) -> None:
    """Replace the password after checking the current one (other sessions stay)."""
    check_new_password(new)
    account = get_account(store, user_id)
    if account is None or not password_matches(account.password_hash, current):
        raise AccountError("current")
    hashed = hash_password(new)
    with store.session() as s:
        s.execute(update(Account).where(Account.user_id == user_id).values(password_hash=hashed))


def get_account(store: Store, user_id: int) -> Account | None:
    """The account of `user_id` (None for the local user)."""
    with store.session() as s:
        return s.scalar(select(Account).where(Account.user_id == user_id))


def accounts(store: Store, role: str | None = None) -> list[Account]:
    """Every account (or those with `role`), by e-mail address."""
    with store.session() as s:
        query = select(Account).order_by(Account.email)
        if role:
            query = query.where(Account.role == role)
        return list(s.scalars(query))


def set_role(store: Store, user_id: int, role: str) -> bool:
    """Give an account another role (admin only); False when there is no such account."""
    if role not in ROLES:
        raise AccountError("role")
    with store.session() as s:
        return bool(s.execute(update(Account).where(Account.user_id == user_id).values(role=role)).rowcount)


def pending_invitations(store: Store) -> list[Invitation]:
    """Invitations not used yet and not expired, newest first."""
    with store.session() as s:
        return list(
            s.scalars(
                select(Invitation)
                .where(
                    Invitation.kind == "invite",
                    Invitation.used_at.is_(None),
                    Invitation.expires_at > utcnow(),
                )
                .order_by(Invitation.id.desc())
            )
        )


# --- sharing, comments, assignments, the access log ----------------------------------------------------


def share_with(store: Store, user_id: int, coach_email: str) -> int:
    """Share the candidate's progress with the coach who has this e-mail address; returns the coach's id."""
    with store.session() as s:
        coach = s.scalar(
            select(Account).where(
                Account.email == normal_email(coach_email), Account.role.in_(("coach", "admin"))
            )
        )
        if coach is None or coach.user_id == user_id:
            raise AccountError("no_coach")
        exists = s.scalar(select(Share.id).where(Share.user_id == user_id, Share.coach_id == coach.user_id))
        if exists is None:
            s.add(Share(user_id=user_id, coach_id=coach.user_id))
        return coach.user_id


def withdraw_share(store: Store, user_id: int, coach_id: int) -> bool:
    """Stop sharing with a coach; False when there was no such share."""
    with store.session() as s:
        return bool(
            s.execute(delete(Share).where(Share.user_id == user_id, Share.coach_id == coach_id)).rowcount
        )


def coaches_of(store: Store, user_id: int) -> list[tuple[int, str]]:
    """The coaches the candidate shares with: (coach id, e-mail)."""
    with store.session() as s:
        rows = s.execute(
            select(Share.coach_id, Account.email)
            .join(Account, Account.user_id == Share.coach_id)
            .where(Share.user_id == user_id)
            .order_by(Account.email)
        )
        return [(r.coach_id, r.email) for r in rows]


def candidates_of(store: Store, coach_id: int) -> list[tuple[int, str]]:
    """The candidates who share with this coach: (candidate id, e-mail)."""
    with store.session() as s:
        rows = s.execute(
            select(Share.user_id, Account.email)
            .join(Account, Account.user_id == Share.user_id)
            .where(Share.coach_id == coach_id)
            .order_by(Account.email)
        )
        return [(r.user_id, r.email) for r in rows]


def shares_with(store: Store, candidate_id: int, coach_id: int) -> bool:
    """Whether the candidate shares with this coach now."""
    with store.session() as s:
        return (
            s.scalar(select(Share.id).where(Share.user_id == candidate_id, Share.coach_id == coach_id))
            is not None
        )


def log_access(store: Store, coach_id: int, candidate_id: int, what: str, item_id: int | None = None) -> None:
    """Record that a coach opened the candidate's data."""
    with store.session() as s:
        s.add(CoachAccess(user_id=candidate_id, coach_id=coach_id, what=what, item_id=item_id))


def access_log(store: Store, user_id: int, limit: int = 200) -> list[tuple[datetime, str, str]]:
    """When which coach opened what of the candidate's data, newest first: (moment, coach e-mail, what)."""
    with store.session() as s:
        rows = s.execute(
            select(CoachAccess.created_at, Account.email, CoachAccess.what)
            .join(Account, Account.user_id == CoachAccess.coach_id)
            .where(CoachAccess.user_id == user_id)
            .order_by(CoachAccess.id.desc())
            .limit(limit)
        )
        return [(r.created_at, r.email, r.what) for r in rows]


def add_comment(store: Store, coach_id: int, candidate_id: int, answer_id: int, text: str) -> int:
    """A coach's comment on one of the candidate's answers (the candidate must share with the coach)."""
    text = text.strip()
    if not text:
        raise AccountError("empty")
    if len(text) > MAX_COMMENT:
        raise AccountError("long_comment")
    with store.session() as s:
        owner = s.scalar(select(Answer.user_id).where(Answer.id == answer_id))
        if owner != candidate_id or not shares_with(store, candidate_id, coach_id):
            raise AccountError("missing")
        comment = CoachComment(user_id=candidate_id, coach_id=coach_id, answer_id=answer_id, text=text)
        s.add(comment)
        s.flush()
        return comment.id


def comments(store: Store, user_id: int, answer_id: int | None = None) -> list[tuple[CoachComment, str]]:
    """Coaches' comments on the candidate's answers (or one answer), newest first, with the coach's e-mail."""
    with store.session() as s:
        query = (
            select(CoachComment, Account.email)
            .join(Account, Account.user_id == CoachComment.coach_id)
            .where(CoachComment.user_id == user_id)
            .order_by(CoachComment.id.desc())
        )
        if answer_id is not None:
            query = query.where(CoachComment.answer_id == answer_id)
        return [(row[0], row[1]) for row in s.execute(query)]


def assign(
    store: Store, coach_id: int, candidate_id: int, kind: str, items: list[str], due: date | None, note: str
) -> int:
    """Give the candidate a practice: bank questions (kind questions) or a drill on one criterion (drill)."""
    if kind not in ("questions", "drill") or not items or (kind == "drill" and len(items) != 1):
        raise AccountError("assignment")
    if not shares_with(store, candidate_id, coach_id):
        raise AccountError("missing")
    with store.session() as s:
        row = Assignment(
            user_id=candidate_id, coach_id=coach_id, kind=kind, items=items, due=due, note=note.strip()[:2000]
        )
        s.add(row)
        s.flush()
        return row.id


def assignments(store: Store, user_id: int) -> list[tuple[Assignment, str]]:
    """The candidate's assignments, soonest date first, with the coach's e-mail."""
    with store.session() as s:
        rows = s.execute(
            select(Assignment, Account.email)
            .join(Account, Account.user_id == Assignment.coach_id)
            .where(Assignment.user_id == user_id)
            .order_by(Assignment.due.is_(None), Assignment.due, Assignment.id.desc())
        )
        return [(row[0], row[1]) for row in rows]


# --- export and delete --------------------------------------------------------------------------------


def export_account(store: Store, user_id: int) -> dict[str, Any]:
    """Everything of the user: the practice data (the coach-export format) and the account's own part."""
    from coach.store.transfer import export_data

    document = export_data(store, user_id)
    account = get_account(store, user_id)
    if account is None:
        return document
    document["account"] = {
        "email": account.email,
        "role": account.role,
        "created_at": utc(account.created_at).isoformat(),
        "shared_with": [email for _, email in coaches_of(store, user_id)],
        "comments": [
            {"coach": email, "answer_id": c.answer_id, "text": c.text, "at": utc(c.created_at).isoformat()}
            for c, email in comments(store, user_id)
        ],
        "assignments": [
            {
                "coach": email,
                "kind": a.kind,
                "items": a.items,
                "due": a.due.isoformat() if a.due else None,
                "note": a.note,
            }
            for a, email in assignments(store, user_id)
        ],
        "coach_access": [
            {"coach": email, "what": what, "at": utc(at).isoformat()}
            for at, email, what in access_log(store, user_id)
        ],
    }
    return document


def user_tables() -> list[Any]:
    """Every table with a column that names a user (user_id, coach_id, for_user_id)."""
    found = []
    for table in Base.metadata.sorted_tables:
        columns = [c for c in table.columns if c.name in ("user_id", "coach_id", "for_user_id")]
        if columns:
            found.append((table, columns))
    return found


def delete_account(store: Store, user_id: int) -> None:
    """Delete the account and everything of it from every table (and its kept recordings' files)."""
    from coach.store.transfer import delete_all

    delete_all(store, user_id)  # also removes the kept recordings' files
    with store.session() as s:
        for table, columns in reversed(user_tables()):
            for column in columns:
                s.execute(delete(table).where(column == user_id))
        s.execute(delete(User).where(User.id == user_id))
