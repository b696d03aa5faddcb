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
    // One step of a login's or refresh's workflow as it ran: for an API Request, the request it sent and
    // the reply's status, so a refresh that failed or was slow says which call it was.
    struct Step
    {
        QString name; // "http1"
        QString outcome; // runOutcomeId(): "succeeded", "failed", "cancelled"
        QString request; // API Request steps: "POST http://127.0.0.1:8787/refresh", masked
        int httpStatus = 0; // API Request steps that got a reply
        qint64 durationMs = 0;

        QJsonObject toJson() const;
        // "http1: POST http://127.0.0.1:8787/refresh -> HTTP 200 (12 ms)", "js1: succeeded (1 ms)"
        QString toText() const;
    };

    enum class Kind { Login, Refresh, Retry, LoginTest, Logout, LoginRequired, Warning };
    enum class Trigger {
        Prompt,
        LoginTestUrl,
        Expiry,
        FailedQuery,
        EveryQuery,
        SessionTimeout,
        NoSession,
        AnotherServer, // the stored session was made for the server the resource pointed at before
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
    QList<Step> steps; // a login's or refresh's requests, and the step it failed or was cancelled at

    static QString kindId(Kind kind);
    static QString triggerId(Trigger trigger);
    QString outcomeId() const; // "ok", "failed" or "cancelled"
    // console lines as "console": [{"step", "level", "text"}], steps as "steps": [Step::toJson()]
    QJsonObject toJson() const;
    // One line for people: "10:02:03 refresh after failed query (401): ok in 12 ms, session 3600 s old"
    // (the steps and console lines go on lines of their own: Step::toText(), ConsoleLine::toText()).
    QString toText() const;
};

} // namespace AuthStudio
