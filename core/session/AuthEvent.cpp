#include "AuthEvent.h"

#include <QJsonArray>

namespace AuthStudio {

QString AuthEvent::kindId(Kind kind)
{
    switch (kind) {
    case Kind::Login:
        return QStringLiteral("login");
    case Kind::Refresh:
        return QStringLiteral("refresh");
    case Kind::Retry:
        return QStringLiteral("retry");
    case Kind::LoginTest:
        return QStringLiteral("loginTest");
    case Kind::Logout:
        return QStringLiteral("logout");
    case Kind::LoginRequired:
        return QStringLiteral("loginRequired");
    case Kind::Warning:
        return QStringLiteral("warning");
    }
    return {};
}

QString AuthEvent::triggerId(Trigger trigger)
{
    switch (trigger) {
    case Trigger::Prompt:
        return QStringLiteral("prompt");
    case Trigger::LoginTestUrl:
        return QStringLiteral("loginTestUrl");
    case Trigger::Expiry:
        return QStringLiteral("expiry");
    case Trigger::FailedQuery:
        return QStringLiteral("failedQuery");
    case Trigger::EveryQuery:
        return QStringLiteral("everyQuery");
    case Trigger::SessionTimeout:
        return QStringLiteral("sessionTimeout");
    case Trigger::NoSession:
        return QStringLiteral("noSession");
    case Trigger::AnotherServer:
        return QStringLiteral("anotherServer");
    case Trigger::Manual:
        return QStringLiteral("manual");
    case Trigger::Silent:
        return QStringLiteral("silent");
    }
    return {};
}

QString AuthEvent::outcomeId() const
{
    if (succeeded)
        return QStringLiteral("ok");
    return cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed");
}

QJsonObject AuthEvent::Step::toJson() const
{
    QJsonObject object {{QStringLiteral("name"), name},
                        {QStringLiteral("outcome"), outcome},
                        {QStringLiteral("durationMs"), durationMs}};
    if (!request.isEmpty())
        object.insert(QStringLiteral("request"), request);
    if (httpStatus)
        object.insert(QStringLiteral("status"), httpStatus);
    return object;
}

QString AuthEvent::Step::toText() const
{
    if (request.isEmpty())
        return QStringLiteral("%1: %2 (%3 ms)").arg(name, outcome).arg(durationMs);
    // A request's status says how it went; "failed" is added only where no reply says it (refused,
    // timed out), and "cancelled" always.
    QString result = httpStatus ? QStringLiteral("HTTP %1").arg(httpStatus) : outcome;
    if (httpStatus && outcome == QLatin1String("cancelled"))
        result += QStringLiteral(", cancelled");
    return QStringLiteral("%1: %2 -> %3 (%4 ms)").arg(name, request, result).arg(durationMs);
}

QJsonObject AuthEvent::toJson() const
{
    QJsonObject object {{QStringLiteral("kind"), kindId(kind)},
                        {QStringLiteral("trigger"), triggerId(trigger)},
                        {QStringLiteral("time"), time.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("durationMs"), durationMs},
                        {QStringLiteral("outcome"), outcomeId()}};
    if (triggerStatus)
        object.insert(QStringLiteral("status"), triggerStatus);
    if (!message.isEmpty())
        object.insert(QStringLiteral("message"), message);
    if (sessionAgeSeconds >= 0)
        object.insert(QStringLiteral("sessionAgeSeconds"), sessionAgeSeconds);
    if (expiresInSeconds >= 0)
        object.insert(QStringLiteral("expiresInSeconds"), expiresInSeconds);
    if (!console.isEmpty()) {
        QJsonArray lines;
        for (const ConsoleLine &line : console)
            lines.append(line.toJson(true));
        object.insert(QStringLiteral("console"), lines);
    }
    if (!steps.isEmpty()) {
        QJsonArray list;
        for (const Step &step : steps)
            list.append(step.toJson());
        object.insert(QStringLiteral("steps"), list);
    }
    return object;
}

QString AuthEvent::toText() const
{
    QString cause = triggerId(trigger);
    // Its status when known; "(0)" read as a reply of status 0 (QA pass 32).
    if (trigger == Trigger::FailedQuery)
        cause = triggerStatus ? QStringLiteral("failed query (%1)").arg(triggerStatus)
                              : QStringLiteral("failed query");
    const QString clock = time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    QString text;
    switch (kind) {
    case Kind::Login:
    case Kind::Refresh:
    case Kind::LoginTest:
        text = QStringLiteral("%1 %2 (%3): %4 in %5 ms")
                   .arg(clock, kindId(kind), cause, outcomeId())
                   .arg(durationMs);
        break;
    case Kind::Retry:
        text = QStringLiteral("%1 retry (%2)").arg(clock, cause);
        break;
    case Kind::Logout:
        return QStringLiteral("%1 logout").arg(clock);
    case Kind::LoginRequired:
        text = QStringLiteral("%1 login required (%2)").arg(clock, cause);
        break;
    case Kind::Warning:
        return QStringLiteral("%1 warning: %2").arg(clock, message);
    }
    if (sessionAgeSeconds >= 0)
        text += QStringLiteral(", session %1 s old").arg(sessionAgeSeconds);
    if (expiresInSeconds >= 0)
        text += QStringLiteral(", expires in %1 s").arg(expiresInSeconds);
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    return text;
}

} // namespace AuthStudio
