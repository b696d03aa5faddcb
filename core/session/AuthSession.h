// AuthSession: what a successful auth run leaves for one user (profile) and one resource: the variables
// its Define variable steps set (TOKEN, ...), which of them are secret, when it logged in and, with a
// time-based refresh trigger, when it expires. Kept in a SecretStore, never in the workspace file.
#pragma once

#include "script/Scope.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace AuthStudio {

struct AuthSession
{
    QJsonObject variables;
    QStringList secretNames;
    QDateTime loggedInAt; // UTC
    QDateTime refreshedAt; // UTC; invalid until the first refresh
    QDateTime expiresAt; // UTC; invalid when nothing expires it
    // Where its tokens go: the origins (scheme, host, port) of the resource's base URL, its login test URL
    // and its refresh workflow's requests when it logged in ("https://api.example.com:443"), sorted. A
    // resource pointed at other servers since (a workspace variable changed, `--var`) doesn't send them
    // there. Empty when unknown (sessions stored before it was kept).
    QStringList origins;

    bool isLoggedIn() const { return loggedInAt.isValid(); }
    // The origin of a URL as `origins` holds it; empty for a URL without a scheme and host.
    static QString originOf(const QUrl &url);
    // The session's variables as a scope (secret names and values marked), on top of `base`.
    Scope toScope(const Scope &base = {}) const;
    // Takes the variables that a run defined (those not in `base`, i.e. not workspace variables) from its
    // final scope.
    void takeVariables(const Scope &runScope, const QStringList &definedNames);

    QByteArray toJson() const;
    static std::optional<AuthSession> fromJson(const QByteArray &data);
};

} // namespace AuthStudio
