// Where sessions are kept: the OS keychain (a real Secret Service, started by with-keyring.sh), the opt-in
// 0600 file store and memory; the session manager's fallback when the keychain is unreachable or silent.
#include "session/AuthSession.h"
#include "session/FileSecretStore.h"
#include "session/KeychainSecretStore.h"
#include "session/MemorySecretStore.h"
#include "session/SessionManager.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace AuthStudio;

namespace {

// A keychain that is not there, that never answers, or that refuses an operation (a locked collection).
class BrokenStore : public SecretStore
{
public:
    explicit BrokenStore(bool silent, Error error = Error::Unavailable)
        : m_silent(silent)
        , m_error(error)
    { }
    QString description() const override { return QStringLiteral("broken"); }
    bool isPersistent() const override { return true; }
    void read(const QString &, QObject *context, Callback done) override { answer(context, std::move(done)); }
    void write(const QString &, const QByteArray &, QObject *context, Callback done) override
    {
        answer(context, std::move(done));
    }
    void remove(const QString &, QObject *context, Callback done) override
    {
        answer(context, std::move(done));
    }

private:
    void answer(QObject *context, Callback done)
    {
        if (m_silent)
            return; // never calls back
        QMetaObject::invokeMethod(
            context,
            [done, error = m_error] {
                done({error,
                      {},
                      error == Error::Unavailable ? QStringLiteral("no Secret Service")
                                                  : QStringLiteral("collection is locked")});
            },
            Qt::QueuedConnection);
    }
    bool m_silent;
    Error m_error;
};

SecretStore::Result call(const std::function<void(QObject *, SecretStore::Callback)> &operation)
{
    QObject context;
    std::optional<SecretStore::Result> result;
    operation(&context, [&result](const SecretStore::Result &r) { result = r; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000))
        return {SecretStore::Error::Failed, {}, QStringLiteral("no answer")};
    return *result;
}

AuthSession sampleSession()
{
    AuthSession session;
    session.variables = {{QStringLiteral("TOKEN"), QStringLiteral("tok-secret-123")},
                         {QStringLiteral("EXPIRES_IN"), 3600}};
    session.secretNames = {QStringLiteral("TOKEN")};
    session.loggedInAt = QDateTime::currentDateTimeUtc();
    session.expiresAt = session.loggedInAt.addSecs(3600);
    session.origins = {AuthSession::originOf(QUrl(QStringLiteral("https://api.example.test/v1"))),
                       AuthSession::originOf(QUrl(QStringLiteral("http://auth.example.test:8080/refresh")))};
    return session;
}

} // namespace

class TestSessionStores : public QObject
{
    Q_OBJECT

private:
    void roundTrip(SecretStore &store)
    {
        const QString key = QStringLiteral("session:alice:/w.json:api");
        QCOMPARE(call([&](QObject *c, SecretStore::Callback cb) { store.remove(key, c, cb); }).error,
                 SecretStore::Error::None);
        QCOMPARE(call([&](QObject *c, SecretStore::Callback cb) { store.read(key, c, cb); }).error,
                 SecretStore::Error::NotFound);
        QCOMPARE(
            call([&](QObject *c, SecretStore::Callback cb) { store.write(key, "payload", c, cb); }).error,
            SecretStore::Error::None);
        const SecretStore::Result read =
            call([&](QObject *c, SecretStore::Callback cb) { store.read(key, c, cb); });
        QCOMPARE(read.error, SecretStore::Error::None);
        QCOMPARE(read.data, QByteArray("payload"));
        QCOMPARE(call([&](QObject *c, SecretStore::Callback cb) { store.remove(key, c, cb); }).error,
                 SecretStore::Error::None);
        QCOMPARE(call([&](QObject *c, SecretStore::Callback cb) { store.read(key, c, cb); }).error,
                 SecretStore::Error::NotFound);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void sessionJsonRoundTrip()
    {
        const AuthSession session = sampleSession();
        const std::optional<AuthSession> back = AuthSession::fromJson(session.toJson());
        QVERIFY(back);
        QCOMPARE(back->variables, session.variables);
        QCOMPARE(back->secretNames, session.secretNames);
        QCOMPARE(back->loggedInAt, session.loggedInAt);
        QCOMPARE(back->expiresAt, session.expiresAt);
        QCOMPARE(back->origins,
                 (QStringList {QStringLiteral("https://api.example.test:443"),
                               QStringLiteral("http://auth.example.test:8080")}));
        QVERIFY(!AuthSession::fromJson("{\"version\": 99}"));
        const std::optional<AuthSession> single = AuthSession::fromJson(
            "{\"version\": 1, \"variables\": {}, \"origin\": \"http://127.0.0.1:8911\"}");
        QVERIFY(single);
        QCOMPARE(single->origins, QStringList {QStringLiteral("http://127.0.0.1:8911")});
        const Scope scope = back->toScope();
        QVERIFY(scope.isSecretName(QStringLiteral("TOKEN")));
        QVERIFY(scope.secrets().contains(QStringLiteral("tok-secret-123")));
    }

    void memoryStore()
    {
        MemorySecretStore store;
        roundTrip(store);
        QVERIFY(!store.isPersistent());
    }

    void fileStoreIsPrivate()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("sessions"));
        FileSecretStore store(folder);
        roundTrip(store);
        const QString key = QStringLiteral("k");
        QCOMPARE(call([&](QObject *c, SecretStore::Callback cb) { store.write(key, "secret", c, cb); }).error,
                 SecretStore::Error::None);
        const QFileInfo file(store.pathFor(key));
        QVERIFY(file.exists());
        QCOMPARE(file.permissions() &
                     (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther),
                 QFile::Permissions());
        QCOMPARE(QFileInfo(folder).permissions() &
                     (QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther),
                 QFile::Permissions());
        QVERIFY(!file.fileName().contains(QLatin1Char(':'))); // the key is hashed, not used as a name
    }

    void keychainStore()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("no D-Bus session: run this suite through tests/session/with-keyring.sh (CTest does)");
        KeychainSecretStore store(QStringLiteral("Auth Studio tests"));
        roundTrip(store);
    }

    void keychainStoreDestroyedWhileJobsAreInFlight()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("no D-Bus session: run this suite through tests/session/with-keyring.sh (CTest does)");
        // A window closed while its session was being read: the store goes, the keychain answers later.
        bool answered = false;
        {
            KeychainSecretStore doomed(QStringLiteral("Auth Studio tests"));
            QObject context;
            doomed.read(QStringLiteral("in-flight"), &context,
                        [&answered](const SecretStore::Result &) { answered = true; });
            doomed.write(QStringLiteral("in-flight"), "x", &context,
                         [&answered](const SecretStore::Result &) { answered = true; });
            // The jobs must outlive the store: libsecret finishes them from its callbacks. (Deleted with
            // the store, they were used after free, which crashed the studio once memory was reused.)
            QVERIFY(doomed.findChildren<QObject *>().isEmpty());
        }
        // The keychain answers requests in order: once a later one is answered, so were those.
        KeychainSecretStore store(QStringLiteral("Auth Studio tests"));
        QCOMPARE(call([&](QObject *c, SecretStore::Callback cb) {
                     store.remove(QStringLiteral("in-flight"), c, cb);
                 }).error,
                 SecretStore::Error::None);
        QVERIFY(!answered); // nobody was left to tell
    }

    void managerPersistsThroughTheKeychain()
    {
        const QString key = SessionManager::sessionKey(QStringLiteral("alice"), QStringLiteral("/w.json"),
                                                       QStringLiteral("api"));
        {
            SessionManager manager(
                std::make_unique<KeychainSecretStore>(QStringLiteral("Auth Studio tests")));
            QSignalSpy idle(&manager, &SessionManager::idle);
            QSignalSpy unavailable(&manager, &SessionManager::storeUnavailable);
            manager.save(key, sampleSession());
            QVERIFY(idle.wait(20000));
            QCOMPARE(unavailable.count(), 0);
        }
        // A new manager, as after a restart, reads it back from the keychain.
        SessionManager later(std::make_unique<KeychainSecretStore>(QStringLiteral("Auth Studio tests")));
        QObject context;
        std::optional<std::optional<AuthSession>> loaded;
        later.load(key, &context, [&loaded](const std::optional<AuthSession> &session) { loaded = session; });
        QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 20000);
        QVERIFY(loaded->has_value());
        QCOMPARE((*loaded)->variables.value(QStringLiteral("TOKEN")).toString(),
                 QStringLiteral("tok-secret-123"));

        // Logout clears it from the keychain too.
        QSignalSpy idle(&later, &SessionManager::idle);
        later.forget(key);
        QVERIFY(idle.wait(20000));
        SessionManager third(std::make_unique<KeychainSecretStore>(QStringLiteral("Auth Studio tests")));
        std::optional<std::optional<AuthSession>> gone;
        third.load(key, &context, [&gone](const std::optional<AuthSession> &session) { gone = session; });
        QTRY_VERIFY_WITH_TIMEOUT(gone.has_value(), 20000);
        QVERIFY(!gone->has_value());
    }

    // A renamed resource (or a workspace saved under another name) keeps its session: move() takes it
    // to the new key, from the cache at once, or from the store when this process never read it.
    void sessionMovesToANewKey()
    {
        const QString from = SessionManager::sessionKey(QStringLiteral("alice"), QStringLiteral("/w"),
                                                        QStringLiteral("Demo login"));
        const QString to = SessionManager::sessionKey(QStringLiteral("alice"), QStringLiteral("/w"),
                                                      QStringLiteral("Demo login 2"));
        auto store = std::make_unique<MemorySecretStore>();
        MemorySecretStore *kept = store.get();
        SessionManager manager(std::move(store));
        manager.save(from, sampleSession());
        manager.move(from, to); // cached: at once
        QVERIFY(!manager.cached(from));
        QVERIFY(manager.cached(to));
        QCOMPARE(manager.cached(to)->variables, sampleSession().variables);
        QTRY_COMPARE(manager.pendingOperations(), 0);

        // And in the store: under `to`, and no more under `from`.
        std::optional<bool> found;
        kept->read(to, this, [&found](const SecretStore::Result &result) {
            found = result.error == SecretStore::Error::None;
        });
        QTRY_VERIFY(found.has_value());
        QVERIFY(*found);
        found.reset();
        kept->read(from, this, [&found](const SecretStore::Result &result) {
            found = result.error == SecretStore::Error::None;
        });
        QTRY_VERIFY(found.has_value());
        QVERIFY(!*found);

        // Not cached: read from the store first, then moved.
        auto fresh = std::make_unique<MemorySecretStore>();
        MemorySecretStore *freshStore = fresh.get();
        bool written = false;
        freshStore->write(from, sampleSession().toJson(), this,
                          [&written](const SecretStore::Result &) { written = true; });
        QTRY_VERIFY(written);
        SessionManager reader(std::move(fresh));
        reader.move(from, to);
        QTRY_VERIFY(reader.cached(to));
        QVERIFY(!reader.cached(from));
        std::optional<AuthSession> loaded;
        bool answered = false;
        reader.load(from, this, [&](const std::optional<AuthSession> &session) {
            loaded = session;
            answered = true;
        });
        QTRY_VERIFY(answered);
        QVERIFY(!loaded);

        // Nothing under `from`: nothing is written under `to`.
        reader.move(QStringLiteral("session:alice:/w:none"), QStringLiteral("session:alice:/w:other"));
        QTRY_COMPARE(reader.pendingOperations(), 0);
        QVERIFY(!reader.cached(QStringLiteral("session:alice:/w:other")));
    }

    // A workspace not saved to a file keeps its sessions in memory, apart from every other one; Save As
    // (a move to the file's key) puts them in the store.
    void unsavedWorkspacesKeepTheirSessionsInMemory()
    {
        auto store = std::make_unique<MemorySecretStore>();
        MemorySecretStore *kept = store.get();
        SessionManager manager(std::move(store));
        const QString demo = manager.newUnsavedWorkspaceId();
        const QString fresh = manager.newUnsavedWorkspaceId();
        QVERIFY(demo != fresh);
        const auto key = [](const QString &workspace) {
            return SessionManager::sessionKey(QStringLiteral("alice"), workspace,
                                              QStringLiteral("Demo login"));
        };
        const auto inStore = [this, kept](const QString &stored) {
            std::optional<bool> found;
            kept->read(stored, this, [&found](const SecretStore::Result &result) {
                found = result.error == SecretStore::Error::None;
            });
            while (!found) // MemorySecretStore answers from the event loop
                QCoreApplication::processEvents();
            return *found;
        };
        manager.save(key(demo), sampleSession());
        QTRY_COMPARE(manager.pendingOperations(), 0);
        QVERIFY(manager.cached(key(demo)));
        QVERIFY(!inStore(key(demo)));
        // Another unsaved workspace's resource of the same name has no session, in the cache or read.
        QVERIFY(!manager.cached(key(fresh)));
        std::optional<std::optional<AuthSession>> loaded;
        manager.load(key(fresh), this,
                     [&loaded](const std::optional<AuthSession> &session) { loaded = session; });
        QTRY_VERIFY(loaded.has_value());
        QVERIFY(!loaded->has_value());
        // Saved as a file: the session goes to the store under the file's key.
        manager.move(key(demo), key(QStringLiteral("/w.authstudio.json")));
        QTRY_COMPARE(manager.pendingOperations(), 0);
        QVERIFY(!manager.cached(key(demo)));
        QVERIFY(inStore(key(QStringLiteral("/w.authstudio.json"))));
    }

    void profilesHaveTheirOwnKeys()
    {
        QVERIFY(
            SessionManager::sessionKey(QStringLiteral("alice"), QStringLiteral("/w"),
                                       QStringLiteral("api")) !=
            SessionManager::sessionKey(QStringLiteral("bob"), QStringLiteral("/w"), QStringLiteral("api")));
        QVERIFY(!SessionManager::defaultProfile().isEmpty());
    }

    void unreachableKeychainFallsBackToMemoryAndSaysSoOnce_data()
    {
        QTest::addColumn<bool>("silent");
        QTest::newRow("refuses") << false;
        QTest::newRow("never answers") << true;
    }
    void unreachableKeychainFallsBackToMemoryAndSaysSoOnce()
    {
        QFETCH(bool, silent);
        SessionManager manager(std::make_unique<BrokenStore>(silent));
        manager.setStoreTimeoutMs(200);
        QSignalSpy unavailable(&manager, &SessionManager::storeUnavailable);
        QSignalSpy idle(&manager, &SessionManager::idle);
        const QString key = QStringLiteral("k");
        manager.save(key, sampleSession());
        QVERIFY(idle.wait(20000));
        QCOMPARE(unavailable.count(), 1);
        QVERIFY(manager.usingFallback());
        QVERIFY(!manager.store()->isPersistent()); // no silent plaintext file
        manager.save(key, sampleSession());
        QVERIFY(idle.wait(20000));
        QCOMPARE(unavailable.count(), 1); // told once
        QVERIFY(manager.cached(key).has_value());
    }

    // A keychain that is there but refuses the write (its prompt to create or unlock a keyring dismissed):
    // say so once, keep this session and the next ones for this process, and don't ask it again.
    void refusedSaveIsReportedAndKeptInMemory()
    {
        SessionManager manager(std::make_unique<BrokenStore>(false, SecretStore::Error::Failed));
        QSignalSpy errors(&manager, &SessionManager::storeError);
        QSignalSpy notSaved(&manager, &SessionManager::sessionNotSaved);
        QSignalSpy unavailable(&manager, &SessionManager::storeUnavailable);
        QSignalSpy idle(&manager, &SessionManager::idle);
        const QString key = QStringLiteral("k");
        manager.save(key, sampleSession());
        QVERIFY(idle.wait(20000));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(notSaved.count(), 1);
        QCOMPARE(notSaved.first().first(), errors.first().first());
        const QString message = errors.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("collection is locked")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("kept in memory")), qPrintable(message));
        QCOMPARE(unavailable.count(), 0);
        QVERIFY(manager.usingFallback());
        QVERIFY(!manager.store()->isPersistent()); // no silent plaintext file
        manager.save(QStringLiteral("k2"), sampleSession());
        QVERIFY(idle.wait(20000));
        QCOMPARE(errors.count(), 1); // the keychain wasn't asked again
        QVERIFY(manager.cached(key).has_value());
        QVERIFY(manager.cached(QStringLiteral("k2")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestSessionStores)
#include "tst_sessionstores.moc"
