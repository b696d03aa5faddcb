// AuthEvent: one entry of a session's auth event log: a login, refresh, retry, login test, logout or
// "login required", with what triggered it, when, how long it took, how it ended, and the session's age
// and expiry at that moment, and for a login or refresh, what its workflow's scripts wrote to their console.
// Never holds a secret value.
#pragma once

#include "script/ConsoleLine.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace AuthStudio {

struct AuthEvent
{
    enum class Kind { Login, Refresh, Retry, LoginTest, Logout, LoginRequired, Warning };
    enum class Trigger {
        Prompt,
        LoginTestUrl,
        Expiry,
        FailedQuery,
        EveryQuery,
        SessionTimeout,
        NoSession,
        Manual,
        Silent
    };

    Kind kind = Kind::Login;
    Trigger trigger = Trigger::Manual;
    int triggerStatus = 0; // the failed query's HTTP status, for Trigger::FailedQuery
    QDateTime time; // UTC
    qint64 durationMs = 0;
    bool succeeded = true;
    bool cancelled = false; // the user closed the login form: not a success, but nothing failed either
    QString message; // masked
    qint64 sessionAgeSeconds = -1; // -1: no session
    qint64 expiresInSeconds = -1; // -1: no expiry known
    QList<ConsoleLine> console; // a login's or refresh's JavaScript steps' console lines, masked

    static QString kindId(Kind kind);
    static QString triggerId(Trigger trigger);
    QString outcomeId() const; // "ok", "failed" or "cancelled"
    QJsonObject toJson() const; // console lines as "console": [{"step", "level", "text"}]
    // One line for people: "10:02:03 refresh after failed query (401): ok in 12 ms, session 3600 s old"
    // (the console lines go on lines of their own: ConsoleLine::toText()).
    QString toText() const;
};

} // namespace AuthStudio
