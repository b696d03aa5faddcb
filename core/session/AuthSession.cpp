#include "AuthSession.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace AuthStudio {

Scope AuthSession::toScope(const Scope &base) const
{
    Scope scope = base;
    for (auto it = variables.constBegin(); it != variables.constEnd(); ++it) {
        scope.set(it.key(), it.value());
        if (secretNames.contains(it.key())) {
            scope.markSecretName(it.key());
            scope.addSecretValue(it.value());
        }
    }
    return scope;
}

void AuthSession::takeVariables(const Scope &runScope, const QStringList &definedNames)
{
    for (const QString &name : definedNames) {
        if (!runScope.contains(name))
            continue;
        variables.insert(name, runScope.value(name));
        if (runScope.isSecretName(name)) {
            if (!secretNames.contains(name))
                secretNames.append(name);
        } else {
            secretNames.removeAll(name);
        }
    }
}

QByteArray AuthSession::toJson() const
{
    QJsonObject object {{QStringLiteral("version"), 1},
                        {QStringLiteral("variables"), variables},
                        {QStringLiteral("secretNames"), QJsonArray::fromStringList(secretNames)},
                        {QStringLiteral("loggedInAt"), loggedInAt.toString(Qt::ISODateWithMs)}};
    if (refreshedAt.isValid())
        object.insert(QStringLiteral("refreshedAt"), refreshedAt.toString(Qt::ISODateWithMs));
    if (expiresAt.isValid())
        object.insert(QStringLiteral("expiresAt"), expiresAt.toString(Qt::ISODateWithMs));
    if (!origins.isEmpty())
        object.insert(QStringLiteral("origins"), QJsonArray::fromStringList(origins));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<AuthSession> AuthSession::fromJson(const QByteArray &data)
{
    const QJsonObject object = QJsonDocument::fromJson(data).object();
    if (object.value(QStringLiteral("version")).toInt() != 1)
        return std::nullopt;
    AuthSession session;
    session.variables = object.value(QStringLiteral("variables")).toObject();
    for (const QJsonValue &name : object.value(QStringLiteral("secretNames")).toArray())
        session.secretNames.append(name.toString());
    session.loggedInAt =
        QDateTime::fromString(object.value(QStringLiteral("loggedInAt")).toString(), Qt::ISODateWithMs);
    session.refreshedAt =
        QDateTime::fromString(object.value(QStringLiteral("refreshedAt")).toString(), Qt::ISODateWithMs);
    session.expiresAt =
        QDateTime::fromString(object.value(QStringLiteral("expiresAt")).toString(), Qt::ISODateWithMs);
    for (const QJsonValue &origin : object.value(QStringLiteral("origins")).toArray())
        session.origins.append(origin.toString());
    // Written by builds of this version's development, with the base URL's origin alone: kept, so that
    // such a session isn't sent anywhere the base URL no longer points (QA pass 34).
    if (session.origins.isEmpty() && object.contains(QStringLiteral("origin")))
        session.origins.append(object.value(QStringLiteral("origin")).toString());
    return session;
}

QString AuthSession::originOf(const QUrl &url)
{
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
        return {};
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443
        : url.scheme() == QLatin1String("http")                    ? 80
                                                                   : -1;
    return QStringLiteral("%1://%2:%3").arg(url.scheme(), url.host()).arg(url.port(defaultPort));
}

} // namespace AuthStudio
