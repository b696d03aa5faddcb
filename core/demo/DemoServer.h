// DemoServer: the embedded demo API. A small HTTP/1.1 server on 127.0.0.1 that newcomers and tests use
// instead of internet services: an httpbin-style echo, a login that issues expiring bearer tokens, a
// refresh endpoint, a protected /me and a login test endpoint. It counts logins and refreshes so tests
// can assert how many ran. It may live on a thread of its own (the studio runs it there): its functions,
// called from another thread, run on its thread and wait for it.
#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QUrl>
#include <memory>

class QTcpServer;

namespace AuthStudio {

class DemoServer : public QObject
{
    Q_OBJECT
public:
    struct Counters
    {
        int requests = 0;
        int logins = 0; // successful POST /login
        int failedLogins = 0;
        int refreshes = 0; // successful POST /refresh
        int failedRefreshes = 0;
        int meRequests = 0;
        int loginTests = 0;
    };

    explicit DemoServer(QObject *parent = nullptr);
    ~DemoServer() override;

    // Listens on 127.0.0.1 only; port 0 picks a free port. Returns false and sets errorString() on failure.
    bool listen(quint16 port = 0);
    void close();
    bool isListening() const;
    QString errorString() const;
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:PORT

    // Lifetime of issued tokens in seconds (default 3600). Applies to tokens issued afterwards.
    void setTokenLifetime(int seconds);
    int tokenLifetime() const;
    // Makes every issued access token expired now (refresh tokens stay valid), so tests need not wait.
    void expireAllTokens();
    // Tests: /me and /login-test answer 401 to every token, even a freshly refreshed one (a broken server).
    void setRejectAllTokens(bool reject);

    Counters counters() const;
    void resetCounters();

    static QString demoEmail();
    static QString demoPassword();

    // What the demo API answers, for people trying it: the studio's status bar and the README show this.
    struct Endpoint
    {
        QString method; // "GET", "POST" or "any"
        QString path; // as typed after the base URL; a part in capitals stands for a value
        QString description;
    };
    static QList<Endpoint> endpoints();

Q_SIGNALS:
    void requestHandled(const QString &method, const QString &path, int status);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace AuthStudio
