#include "SessionManager.h"

#include "FileSecretStore.h"
#include "MemorySecretStore.h"

#include <QDir>
#include <QFile>
#include <QTimer>
#include <QUuid>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace AuthStudio {

SessionManager::SessionManager(std::unique_ptr<SecretStore> store, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_unsavedStore(std::make_unique<MemorySecretStore>())
{
    if (!m_store)
        m_store = std::make_unique<MemorySecretStore>();
}

SessionManager::~SessionManager() = default;

QString SessionManager::defaultProfile()
{
    QString user = qEnvironmentVariable("USER");
#ifdef Q_OS_UNIX
    if (user.isEmpty()) {
        if (const passwd *entry = getpwuid(getuid()))
            user = QString::fromLocal8Bit(entry->pw_name);
    }
#endif
    if (user.isEmpty())
        user = QDir::home().dirName();
    return user.isEmpty() ? QStringLiteral("default") : user;
}

QString SessionManager::sessionKey(const QString &profile, const QString &workspaceId,
                                   const QString &resourceName)
{
    return QStringLiteral("session:%1:%2:%3").arg(profile, workspaceId, resourceName);
}

QString SessionManager::newUnsavedWorkspaceId()
{
    const QString id = QStringLiteral("unsaved-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_unsavedWorkspaces.append(id);
    return id;
}

bool SessionManager::isUnsavedWorkspaceKey(const QString &key) const
{
    // The workspace id sits between colons in the key (sessionKey); a UUID appears nowhere else.
    return std::any_of(m_unsavedWorkspaces.cbegin(), m_unsavedWorkspaces.cend(), [&key](const QString &id) {
        return key.contains(QLatin1Char(':') + id + QLatin1Char(':'));
    });
}

void SessionManager::call(const QString &key,
                          std::function<void(SecretStore *, SecretStore::Callback)> operation,
                          SecretStore::Callback done)
{
    ++m_pending;
    // One context per call, so a timed-out call's late answer is dropped with it.
    auto *context = new QObject(this);
    auto *timer = new QTimer(context);
    timer->setSingleShot(true);
    auto finished = std::make_shared<bool>(false);
    auto complete = [this, context, finished, done](const SecretStore::Result &result) {
        if (*finished)
            return;
        *finished = true;
        context->deleteLater();
        done(result);
        finishOperation();
    };
    connect(timer, &QTimer::timeout, context, [this, complete] {
        complete({SecretStore::Error::Unavailable,
                  {},
                  QStringLiteral("the keychain did not answer within %1 s").arg(m_storeTimeoutMs / 1000.0)});
    });
    timer->start(m_storeTimeoutMs);
    operation(isUnsavedWorkspaceKey(key) ? m_unsavedStore.get() : m_store.get(), complete);
}

void SessionManager::finishOperation()
{
    if (--m_pending == 0)
        Q_EMIT idle();
}

void SessionManager::switchToFallback(const QString &reason, bool announce)
{
    if (m_usingFallback)
        return;
    m_usingFallback = true;
    // We may be inside one of the old store's callbacks: let it go from the event loop.
    m_store.release()->deleteLater();
    m_store = std::make_unique<MemorySecretStore>();
    if (announce) {
        Q_EMIT storeUnavailable(
            QStringLiteral("No OS keychain is reachable (%1). Sessions are kept in memory for this "
                           "process only; they are not saved.")
                .arg(reason));
    }
}

void SessionManager::load(const QString &key, QObject *context, LoadCallback done)
{
    if (m_known.contains(key)) {
        const std::optional<AuthSession> session = cached(key);
        QMetaObject::invokeMethod(
            context, [done, session] { done(session); }, Qt::QueuedConnection);
        return;
    }
    auto &waiters = m_loading[key];
    waiters.append({QPointer<QObject>(context), std::move(done)});
    if (waiters.size() > 1)
        return; // one store read serves every caller
    auto deliver = [this, key](const std::optional<AuthSession> &session) {
        if (session)
            m_cache.insert(key, *session);
        else
            m_cache.remove(key);
        m_known.insert(key);
        const auto callers = m_loading.take(key);
        for (const auto &[who, callback] : callers) {
            if (who)
                callback(session);
        }
    };
    call(
        key,
        [key, this](SecretStore *store, SecretStore::Callback cb) { store->read(key, this, std::move(cb)); },
        [this, key, deliver](const SecretStore::Result &result) {
            if (result.error == SecretStore::Error::Unavailable) {
                switchToFallback(result.message);
                deliver(cached(key)); // none the first time; on a read again, what this process had
                return;
            }
            if (result.error == SecretStore::Error::Failed) {
                Q_EMIT storeError(
                    QStringLiteral("Reading the session from the keychain failed (%1).").arg(result.message));
                deliver(cached(key)); // a read again that failed tells nothing of the session
                return;
            }
            deliver(result.error == SecretStore::Error::None ? AuthSession::fromJson(result.data)
                                                             : std::nullopt);
        });
}

void SessionManager::reload(const QString &key, QObject *context, LoadCallback done)
{
    // A read under way answers this caller too; otherwise the cache no longer answers for the key. Sessions
    // in memory (an unsaved workspace's, or all of them without a keychain) are this process's alone.
    // So are sessions this process is writing or removing: the store may not have them yet.
    if (!m_loading.contains(key) && !m_usingFallback && !isUnsavedWorkspaceKey(key) &&
        !m_changing.contains(key))
        m_known.remove(key);
    load(key, context, std::move(done));
}

void SessionManager::save(const QString &key, const AuthSession &session)
{
    m_cache.insert(key, session);
    m_known.insert(key);
    const QByteArray data = session.toJson();
    m_changing.insert(key);
    call(
        key,
        [key, data, this](SecretStore *store, SecretStore::Callback cb) {
            store->write(key, data, this, std::move(cb));
        },
        [this, key, data](const SecretStore::Result &result) {
            m_changing.remove(key);
            if (result.error == SecretStore::Error::Unavailable) {
                switchToFallback(result.message);
                m_store->write(key, data, this, [](const SecretStore::Result &) {});
            } else if (result.error != SecretStore::Error::None) {
                // Told once, and not asked again: a keychain that refused (a keyring the user declined
                // to create or unlock) would put its prompt up again at every refresh, login and rename.
                const QString message =
                    QStringLiteral("Saving the session in the keychain failed (%1). Sessions are kept in "
                                   "memory until the program exits; it will not ask the keychain again.")
                        .arg(result.message);
                switchToFallback(result.message, false);
                m_store->write(key, data, this, [](const SecretStore::Result &) {});
                Q_EMIT storeError(message);
                Q_EMIT sessionNotSaved(message);
            }
        });
}

void SessionManager::forget(const QString &key)
{
    m_cache.remove(key);
    m_known.insert(key);
    m_changing.insert(key);
    call(
        key,
        [key, this](SecretStore *store, SecretStore::Callback cb) {
            store->remove(key, this, std::move(cb));
        },
        [this, key](const SecretStore::Result &) { m_changing.remove(key); });
    // The session may also sit in an opted-in file store from an earlier run.
    const FileSecretStore files(FileSecretStore::defaultDirectory());
    QFile::remove(files.pathFor(key));
}

void SessionManager::move(const QString &from, const QString &to)
{
    if (from == to)
        return;
    const auto moveSession = [this, from, to](const std::optional<AuthSession> &session) {
        if (!session)
            return;
        save(to, *session);
        forget(from);
    };
    if (m_known.contains(from)) {
        moveSession(cached(from));
        return;
    }
    load(from, this, moveSession);
}

std::optional<AuthSession> SessionManager::cached(const QString &key) const
{
    const auto it = m_cache.constFind(key);
    if (it == m_cache.constEnd())
        return std::nullopt;
    return it.value();
}

} // namespace AuthStudio
