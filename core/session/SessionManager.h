// SessionManager: the auth sessions of this machine's user, by profile and resource. It keeps them in a
// SecretStore (the OS keychain by default) and caches them. When the keychain can't be reached it says so
// once (storeUnavailable) and keeps sessions in memory for this process: there is no silent plaintext
// fallback. Store calls that don't answer within StoreTimeoutMs count as an unreachable keychain, so
// nothing hangs on a keychain that never replies.
#pragma once

#include "AuthSession.h"
#include "SecretStore.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <memory>

namespace AuthStudio {

class SessionManager : public QObject
{
    Q_OBJECT
public:
    static constexpr int StoreTimeoutMs = 10000;

    explicit SessionManager(std::unique_ptr<SecretStore> store, QObject *parent = nullptr);
    ~SessionManager() override;

    // The profile used when none is named: the OS user.
    static QString defaultProfile();
    // The store key of one profile's session for one resource of one workspace (identified by its file).
    static QString sessionKey(const QString &profile, const QString &workspaceId,
                              const QString &resourceName);
    // A workspace id for a workspace not saved to a file yet, unique to it. Its sessions are kept in
    // memory for this process only: in the keychain they would pile up where no file finds them again,
    // and another unsaved workspace (File > New) with a resource of the same name, perhaps pointing at
    // another server, must never be sent them. move() to a file's key (Save As) puts them in the keychain.
    QString newUnsavedWorkspaceId();

    SecretStore *store() const { return m_store.get(); }
    void setStoreTimeoutMs(int timeoutMs) { m_storeTimeoutMs = timeoutMs; }
    int storeTimeoutMs() const { return m_storeTimeoutMs; }
    bool usingFallback() const { return m_usingFallback; }

    using LoadCallback = std::function<void(const std::optional<AuthSession> &)>;
    // Answers from the cache, or reads the store once.
    void load(const QString &key, QObject *context, LoadCallback done);
    // Reads the store again, then answers as load(): another process (the CLI) may have logged out, or in,
    // since. A session the store no longer has leaves the cache; one the store can't be read for stays.
    void reload(const QString &key, QObject *context, LoadCallback done);
    // Caches the session and writes it to the store in the background.
    void save(const QString &key, const AuthSession &session);
    // Logout: clears the session from the cache, the store in use, the in-memory fallback and the file
    // store, wherever it was kept.
    void forget(const QString &key);
    // Moves the session kept under `from` to `to`, when its resource or workspace was renamed: the
    // session belongs to the resource, not to its name. From the cache at once when it is there
    // (a preview showing it finds it under the new key straight away), else once the store has answered.
    // Nothing when there is no session under `from`.
    void move(const QString &from, const QString &to);
    std::optional<AuthSession> cached(const QString &key) const;

    int pendingOperations() const { return m_pending; }

Q_SIGNALS:
    void storeUnavailable(const QString &message);
    void storeError(const QString &message);
    // A session the keychain refused to save (a locked or missing collection): it and every later one are
    // kept in memory only, for this process, without asking the keychain again. Also reported as
    // storeError.
    void sessionNotSaved(const QString &message);
    void idle(); // no store operation pending any more: safe to exit

private:
    void call(const QString &key, std::function<void(SecretStore *, SecretStore::Callback)> operation,
              SecretStore::Callback done);
    bool isUnsavedWorkspaceKey(const QString &key) const;
    // From here on sessions live in memory; `announce`: say so with storeUnavailable.
    void switchToFallback(const QString &reason, bool announce = true);
    void finishOperation();

    std::unique_ptr<SecretStore> m_store;
    bool m_usingFallback = false;
    std::unique_ptr<SecretStore> m_unsavedStore; // sessions of unsaved workspaces, in memory
    QStringList m_unsavedWorkspaces;
    QHash<QString, AuthSession> m_cache;
    QSet<QString> m_known; // keys whose store state is known (loaded, saved or forgotten)
    // Keys with a write or removal of this process's on its way to the store. (A set, not a count: a
    // second write before the first has finished is rare, and its end counts as the first's.)
    QSet<QString> m_changing;
    QHash<QString, QList<std::pair<QPointer<QObject>, LoadCallback>>> m_loading;
    int m_pending = 0;
    int m_storeTimeoutMs = StoreTimeoutMs;
};

} // namespace AuthStudio
