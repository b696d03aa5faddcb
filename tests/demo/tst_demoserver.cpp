// Tests for the embedded demo API: endpoints through QNetworkAccessManager, and the HTTP layer's
// robustness (split, pipelined, malformed and oversized requests) through raw QTcpSocket exchanges.
#include "demo/DemoServer.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using AuthStudio::DemoServer;

namespace {

using RawHeaders = QList<std::pair<QByteArray, QByteArray>>;

struct RawResponse
{
    int status = 0;
    QByteArray head;
    QByteArray body;

    QByteArray header(QByteArrayView name) const
    {
        const QList<QByteArray> lines = head.split('\n');
        for (const QByteArray &raw : lines) {
            const QByteArray line = raw.trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return QByteArray();
    }
};

// Splits a byte stream into the complete responses it holds (1xx interim responses included).
QList<RawResponse> parseResponses(QByteArray data)
{
    QList<RawResponse> responses;
    for (;;) {
        const qsizetype headEnd = data.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return responses;
        RawResponse response;
        response.head = data.left(headEnd);
        const qsizetype lineEnd = response.head.indexOf('\r');
        const QList<QByteArray> statusLine =
            (lineEnd < 0 ? response.head : response.head.left(lineEnd)).split(' ');
        response.status = statusLine.size() >= 2 ? statusLine.at(1).toInt() : -1;
        const QByteArray lengthText = response.header("content-length");
        const qsizetype length = lengthText.isEmpty() ? 0 : lengthText.toLongLong();
        if (data.size() < headEnd + 4 + length)
            return responses;
        response.body = data.mid(headEnd + 4, length);
        data.remove(0, headEnd + 4 + length);
        responses.append(response);
    }
}

QJsonObject jsonOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

// A raw client that collects everything the server sends.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] { received += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }
    QList<RawResponse> responses() const { return parseResponses(received); }
    bool isClosed() const { return socket.state() == QAbstractSocket::UnconnectedState; }

    QTcpSocket socket;
    QByteArray received;
};

} // namespace

class DemoServerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void listening();
    void listenTwiceFails();
    void echo_data();
    void echo();
    void anythingAcceptsAnyMethod_data();
    void anythingAcceptsAnyMethod();
    void headersEndpoint();
    void wrongMethod_data();
    void wrongMethod();
    void notFound();
    void listedEndpointsAnswer();
    void headRequest();
    void login_data();
    void login();
    void me_data();
    void me();
    void refresh();
    void refreshRejectsInvalidToken_data();
    void refreshRejectsInvalidToken();
    void tokenLifetimeZero();
    void loginTest_data();
    void loginTest();
    void status_data();
    void status();
    void statusWithoutBody();
    void textStatus();
    void delay();
    void delayClientDisconnects();
    void pipelinedBehindDelay();
    void redirect_data();
    void redirect();
    void redirectIsFollowed();
    void malformedRequest_data();
    void malformedRequest();
    void byteAtATime();
    void pipelinedRequests();
    void chunkedBody();
    void caseInsensitiveHeaders();
    void expectContinue();
    void http10ClosesConnection();
    void requestTooLarge();
    void largeBodyEcho();
    void sequentialRequests();
    void counters();
    void requestHandledSignal();
    void closeStopsListening();
    void destroyWithOpenConnections();
    void closeFromSlot();
    void deleteFromSlot();

private:
    QUrl url(const QString &pathAndQuery) const;
    std::unique_ptr<QNetworkReply>
    send(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body = {},
         const RawHeaders &headers = {},
         QNetworkRequest::RedirectPolicy redirects = QNetworkRequest::ManualRedirectPolicy);
    QJsonObject loginJson();
    static int statusOf(QNetworkReply *reply);

    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void DemoServerTest::init()
{
    m_server = std::make_unique<DemoServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
}

void DemoServerTest::cleanup()
{
    m_nam.reset();
    m_server.reset();
}

QUrl DemoServerTest::url(const QString &pathAndQuery) const
{
    return m_server->baseUrl().resolved(QUrl(pathAndQuery));
}

std::unique_ptr<QNetworkReply> DemoServerTest::send(const QByteArray &verb, const QString &pathAndQuery,
                                                    const QByteArray &body, const RawHeaders &headers,
                                                    QNetworkRequest::RedirectPolicy redirects)
{
    QNetworkRequest request(url(pathAndQuery));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, redirects);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    std::unique_ptr<QNetworkReply> reply;
    if (verb == "GET" && body.isEmpty())
        reply.reset(m_nam->get(request));
    else if (verb == "HEAD")
        reply.reset(m_nam->head(request)); // a custom HEAD verb would make QNAM wait for a body
    else
        reply.reset(m_nam->sendCustomRequest(request, verb, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(15000);
    return reply;
}

int DemoServerTest::statusOf(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

QJsonObject DemoServerTest::loginJson()
{
    const QJsonObject credentials {{u"email"_s, DemoServer::demoEmail()},
                                   {u"password"_s, DemoServer::demoPassword()}};
    const auto reply = send("POST", u"/login"_s, QJsonDocument(credentials).toJson(),
                            {{"Content-Type", "application/json"}});
    if (statusOf(reply.get()) != 200)
        return QJsonObject();
    return jsonOf(reply->readAll());
}

void DemoServerTest::listening()
{
    QVERIFY(m_server->isListening());
    QVERIFY(m_server->port() != 0);
    QCOMPARE(m_server->baseUrl(), QUrl(u"http://127.0.0.1:%1"_s.arg(m_server->port())));
    QCOMPARE(m_server->tokenLifetime(), 3600);
}

void DemoServerTest::listenTwiceFails()
{
    QVERIFY(!m_server->listen());
    QVERIFY(!m_server->errorString().isEmpty());
    DemoServer other;
    QVERIFY(!other.listen(m_server->port())); // port taken
    QVERIFY(!other.errorString().isEmpty());
    QVERIFY(!other.isListening());
}

void DemoServerTest::echo_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QJsonValue>("expectedJson");
    QTest::addColumn<QJsonObject>("expectedForm");

    QTest::newRow("json") << QByteArray("application/json") << QByteArray(R"({"a":1,"b":"x"})")
                          << QJsonValue(QJsonObject {{u"a"_s, 1}, {u"b"_s, u"x"_s}}) << QJsonObject();
    QTest::newRow("json charset") << QByteArray("application/json; charset=utf-8") << QByteArray("[1,2]")
                                  << QJsonValue(QJsonArray {1, 2}) << QJsonObject();
    QTest::newRow("json scalar") << QByteArray("application/json") << QByteArray("42") << QJsonValue(42)
                                 << QJsonObject();
    QTest::newRow("invalid json") << QByteArray("application/json") << QByteArray("{nope")
                                  << QJsonValue(QJsonValue::Null) << QJsonObject();
    QTest::newRow("form") << QByteArray("application/x-www-form-urlencoded")
                          << QByteArray("a=1&b=two+words&b=%C3%A9") << QJsonValue(QJsonValue::Null)
                          << QJsonObject {{u"a"_s, u"1"_s}, {u"b"_s, QJsonArray {u"two words"_s, u"é"_s}}};
    QTest::newRow("text") << QByteArray("text/plain") << QByteArray("hello") << QJsonValue(QJsonValue::Null)
                          << QJsonObject();
}

void DemoServerTest::echo()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QJsonValue, expectedJson);
    QFETCH(QJsonObject, expectedForm);

    const auto reply = send("POST", u"/post?q=1&name=a%20b&name=c"_s, body,
                            {{"Content-Type", contentType}, {"X-Custom-Header", "Hello there"}});
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(statusOf(reply.get()), 200);
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), u"application/json"_s);
    const QByteArray raw = reply->readAll();
    QCOMPARE(reply->rawHeader("Content-Length").toLongLong(), raw.size());
    const QJsonObject echo = jsonOf(raw);
    QCOMPARE(echo.value(u"method"_s).toString(), u"POST"_s);
    QCOMPARE(echo.value(u"url"_s).toString(), u"/post?q=1&name=a%20b&name=c"_s);
    QCOMPARE(echo.value(u"args"_s).toObject(),
             (QJsonObject {{u"q"_s, u"1"_s}, {u"name"_s, QJsonArray {u"a b"_s, u"c"_s}}}));
    QCOMPARE(echo.value(u"data"_s).toString(), QString::fromUtf8(body));
    QCOMPARE(echo.value(u"json"_s), expectedJson);
    QCOMPARE(echo.value(u"form"_s).toObject(), expectedForm);
    const QJsonObject headers = echo.value(u"headers"_s).toObject();
    QCOMPARE(headers.value(u"X-Custom-Header"_s).toString(), u"Hello there"_s); // original case
    QCOMPARE(headers.value(u"Content-Type"_s).toString(), QString::fromLatin1(contentType));
}

void DemoServerTest::anythingAcceptsAnyMethod_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::newRow("GET") << QByteArray("GET");
    QTest::newRow("PUT") << QByteArray("PUT");
    QTest::newRow("PATCH") << QByteArray("PATCH");
    QTest::newRow("DELETE") << QByteArray("DELETE");
    QTest::newRow("custom") << QByteArray("PURGE");
}

void DemoServerTest::anythingAcceptsAnyMethod()
{
    QFETCH(QByteArray, method);
    const QByteArray body = method == "GET" || method == "DELETE" ? QByteArray() : QByteArray("payload");
    const auto reply = send(method, u"/anything/deeper?x=1"_s, body);
    QCOMPARE(statusOf(reply.get()), 200);
    const QJsonObject echo = jsonOf(reply->readAll());
    QCOMPARE(echo.value(u"method"_s).toString(), QString::fromLatin1(method));
    QCOMPARE(echo.value(u"url"_s).toString(), u"/anything/deeper?x=1"_s);
    QCOMPARE(echo.value(u"data"_s).toString(), QString::fromLatin1(body));
}

void DemoServerTest::headersEndpoint()
{
    const auto reply = send("GET", u"/headers"_s, {}, {{"X-Trace-ID", "abc-123"}});
    QCOMPARE(statusOf(reply.get()), 200);
    const QJsonObject headers = jsonOf(reply->readAll()).value(u"headers"_s).toObject();
    QCOMPARE(headers.value(u"X-Trace-ID"_s).toString(), u"abc-123"_s);
    QVERIFY(headers.contains(u"Host"_s));
}

void DemoServerTest::wrongMethod_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("GET /post") << QByteArray("GET") << u"/post"_s;
    QTest::newRow("GET /login") << QByteArray("GET") << u"/login"_s;
    QTest::newRow("PUT /refresh") << QByteArray("PUT") << u"/refresh"_s;
    QTest::newRow("POST /me") << QByteArray("POST") << u"/me"_s;
    QTest::newRow("DELETE /stats") << QByteArray("DELETE") << u"/stats"_s;
    QTest::newRow("POST /delay") << QByteArray("POST") << u"/delay/10"_s;
}

void DemoServerTest::wrongMethod()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    const auto reply = send(method, path, method == "GET" ? QByteArray() : QByteArray("{}"));
    QCOMPARE(statusOf(reply.get()), 405);
    QVERIFY(!reply->rawHeader("Allow").isEmpty());
    QVERIFY(jsonOf(reply->readAll()).contains(u"error"_s));
    QCOMPARE(m_server->counters().logins + m_server->counters().failedLogins, 0);
}

void DemoServerTest::notFound()
{
    const auto reply = send("GET", u"/does-not-exist"_s);
    QCOMPARE(statusOf(reply.get()), 404);
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), u"application/json"_s);
    QCOMPARE(reply->readAll(), QByteArray(R"({"error":"Not found"})"));
}

// The list the studio shows newcomers is true: each endpoint, sent with its method and sample values for
// the parts in capitals, is answered (not 404, not 405).
void DemoServerTest::listedEndpointsAnswer()
{
    const QList<DemoServer::Endpoint> endpoints = DemoServer::endpoints();
    QVERIFY(endpoints.size() >= 10);
    for (const DemoServer::Endpoint &endpoint : endpoints) {
        QString path = endpoint.path;
        path.replace(u"PATH"_s, u"a/b"_s)
            .replace(u"CODE"_s, u"418"_s)
            .replace(u"MS"_s, u"1"_s)
            .replace(u"URL"_s, url(u"/me"_s).toString(QUrl::FullyEncoded));
        const QByteArray method =
            endpoint.method == u"any"_s ? QByteArray("PUT") : endpoint.method.toLatin1();
        const auto reply = send(method, path, method == "GET" ? QByteArray() : QByteArray("{}"),
                                {{"Content-Type", "application/json"}});
        const int status = statusOf(reply.get());
        QVERIFY2(status != 0 && status != 404 && status != 405,
                 qPrintable(u"%1 %2: %3"_s.arg(endpoint.method, path).arg(status)));
        QVERIFY(!endpoint.description.isEmpty());
    }
}

void DemoServerTest::headRequest()
{
    const auto reply = send("HEAD", u"/stats"_s);
    QCOMPARE(statusOf(reply.get()), 200);
    QVERIFY(reply->rawHeader("Content-Length").toInt() > 0);
    QVERIFY(reply->readAll().isEmpty());
}

void DemoServerTest::login_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("expectedStatus");

    const QByteArray json = "application/json";
    const QByteArray form = "application/x-www-form-urlencoded";
    QTest::newRow("json") << json
                          << QByteArray(R"({"email":"demo@authstudio.test","password":"demo-password"})")
                          << 200;
    QTest::newRow("form") << form << QByteArray("email=demo%40authstudio.test&password=demo-password") << 200;
    QTest::newRow("wrong password") << json
                                    << QByteArray(R"({"email":"demo@authstudio.test","password":"nope"})")
                                    << 401;
    QTest::newRow("unknown user") << json
                                  << QByteArray(R"({"email":"someone@else.test","password":"demo-password"})")
                                  << 401;
    QTest::newRow("wrong form password")
        << form << QByteArray("email=demo%40authstudio.test&password=x") << 401;
    QTest::newRow("empty body") << json << QByteArray() << 400;
    QTest::newRow("garbage body") << json << QByteArray("{not json") << 400;
    QTest::newRow("missing password") << json << QByteArray(R"({"email":"demo@authstudio.test"})") << 400;
}

void DemoServerTest::login()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, expectedStatus);

    const auto reply = send("POST", u"/login"_s, body, {{"Content-Type", contentType}});
    QCOMPARE(statusOf(reply.get()), expectedStatus);
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), u"application/json"_s);
    const QByteArray raw = reply->readAll();
    const DemoServer::Counters counters = m_server->counters();
    if (expectedStatus == 200) {
        const QJsonObject object = jsonOf(raw);
        const QString token = object.value(u"token"_s).toString();
        QCOMPARE(token.size(), 64);
        QVERIFY(QByteArray::fromHex(token.toLatin1()).toHex() == token.toLatin1());
        QVERIFY(!object.value(u"refresh_token"_s).toString().isEmpty());
        QVERIFY(object.value(u"refresh_token"_s).toString() != token);
        QCOMPARE(object.value(u"token_type"_s).toString(), u"Bearer"_s);
        QCOMPARE(object.value(u"expires_in"_s).toInt(), 3600);
        const QJsonObject user = object.value(u"user"_s).toObject();
        QCOMPARE(user.value(u"email"_s).toString(), DemoServer::demoEmail());
        QCOMPARE(user.value(u"name"_s).toString(), u"Demo User"_s);
        QCOMPARE(counters.logins, 1);
        QCOMPARE(counters.failedLogins, 0);
    } else {
        if (expectedStatus == 401)
            QCOMPARE(raw, QByteArray(R"({"error":"Invalid username or password"})"));
        else
            QVERIFY(!jsonOf(raw).value(u"error"_s).toString().isEmpty());
        QCOMPARE(counters.logins, 0);
        QCOMPARE(counters.failedLogins, 1);
    }
    QCOMPARE(counters.requests, 1);
}

void DemoServerTest::me_data()
{
    QTest::addColumn<QString>("tokenKind");
    QTest::addColumn<int>("expectedStatus");
    QTest::newRow("valid") << u"valid"_s << 200;
    QTest::newRow("lower-case scheme") << u"lowercase"_s << 200;
    QTest::newRow("missing") << u"missing"_s << 401;
    QTest::newRow("unknown") << u"unknown"_s << 401;
    QTest::newRow("wrong scheme") << u"basic"_s << 401;
    QTest::newRow("expired") << u"expired"_s << 401;
}

void DemoServerTest::me()
{
    QFETCH(QString, tokenKind);
    QFETCH(int, expectedStatus);

    const QByteArray token = loginJson().value(u"token"_s).toString().toLatin1();
    QVERIFY(!token.isEmpty());
    RawHeaders headers;
    if (tokenKind == u"valid"_s || tokenKind == u"expired"_s)
        headers.emplaceBack("Authorization", "Bearer " + token);
    else if (tokenKind == u"lowercase"_s)
        headers.emplaceBack("authorization", "bearer " + token);
    else if (tokenKind == u"unknown"_s)
        headers.emplaceBack("Authorization", "Bearer 0123456789abcdef");
    else if (tokenKind == u"basic"_s)
        headers.emplaceBack("Authorization", "Basic " + token);
    if (tokenKind == u"expired"_s)
        m_server->expireAllTokens();

    const auto reply = send("GET", u"/me"_s, {}, headers);
    QCOMPARE(statusOf(reply.get()), expectedStatus);
    const QByteArray raw = reply->readAll();
    if (expectedStatus == 200) {
        QCOMPARE(jsonOf(raw),
                 (QJsonObject {{u"email"_s, DemoServer::demoEmail()}, {u"name"_s, u"Demo User"_s}}));
    } else {
        QCOMPARE(raw, QByteArray(R"({"error":"Token missing, invalid or expired"})"));
    }
    QCOMPARE(m_server->counters().meRequests, 1);
}

void DemoServerTest::refresh()
{
    const QJsonObject first = loginJson();
    const QString oldToken = first.value(u"token"_s).toString();
    const QString refreshToken = first.value(u"refresh_token"_s).toString();
    QVERIFY(!refreshToken.isEmpty());

    m_server->expireAllTokens(); // access tokens expire, the refresh token stays valid
    auto reply = send("GET", u"/me"_s, {}, {{"Authorization", "Bearer " + oldToken.toLatin1()}});
    QCOMPARE(statusOf(reply.get()), 401);

    reply =
        send("POST", u"/refresh"_s, QJsonDocument(QJsonObject {{u"refresh_token"_s, refreshToken}}).toJson(),
             {{"Content-Type", "application/json"}});
    QCOMPARE(statusOf(reply.get()), 200);
    const QJsonObject refreshed = jsonOf(reply->readAll());
    const QString newToken = refreshed.value(u"token"_s).toString();
    QCOMPARE(newToken.size(), 64);
    QVERIFY(newToken != oldToken);
    QCOMPARE(refreshed.value(u"refresh_token"_s).toString(), refreshToken);
    QCOMPARE(refreshed.value(u"token_type"_s).toString(), u"Bearer"_s);
    QCOMPARE(refreshed.value(u"expires_in"_s).toInt(), 3600);
    QCOMPARE(refreshed.value(u"user"_s).toObject().value(u"email"_s).toString(), DemoServer::demoEmail());

    reply = send("GET", u"/me"_s, {}, {{"Authorization", "Bearer " + newToken.toLatin1()}});
    QCOMPARE(statusOf(reply.get()), 200);

    // form-encoded refresh works too
    reply = send("POST", u"/refresh"_s, "refresh_token=" + refreshToken.toLatin1(),
                 {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(statusOf(reply.get()), 200);

    QCOMPARE(m_server->counters().refreshes, 2);
    QCOMPARE(m_server->counters().failedRefreshes, 0);
    QCOMPARE(m_server->counters().logins, 1);
}

void DemoServerTest::refreshRejectsInvalidToken_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("unknown token") << QByteArray(R"({"refresh_token":"deadbeef"})");
    QTest::newRow("access token instead") << QByteArray("ACCESS");
    QTest::newRow("missing field") << QByteArray(R"({"token":"x"})");
    QTest::newRow("empty body") << QByteArray();
    QTest::newRow("garbage") << QByteArray("\x01\x02{{");
}

void DemoServerTest::refreshRejectsInvalidToken()
{
    QFETCH(QByteArray, body);
    if (body == "ACCESS") {
        const QString accessToken = loginJson().value(u"token"_s).toString();
        body = QJsonDocument(QJsonObject {{u"refresh_token"_s, accessToken}}).toJson();
    }
    const auto reply = send("POST", u"/refresh"_s, body, {{"Content-Type", "application/json"}});
    QCOMPARE(statusOf(reply.get()), 401);
    QCOMPARE(reply->readAll(), QByteArray(R"({"error":"Invalid refresh token"})"));
    QCOMPARE(m_server->counters().refreshes, 0);
    QCOMPARE(m_server->counters().failedRefreshes, 1);
}

void DemoServerTest::tokenLifetimeZero()
{
    m_server->setTokenLifetime(0);
    QCOMPARE(m_server->tokenLifetime(), 0);
    const QJsonObject login = loginJson();
    QCOMPARE(login.value(u"expires_in"_s).toInt(-1), 0);
    const QByteArray bearer = "Bearer " + login.value(u"token"_s).toString().toLatin1();

    auto reply = send("GET", u"/me"_s, {}, {{"Authorization", bearer}});
    QCOMPARE(statusOf(reply.get()), 401);
    reply = send("GET", u"/login-test"_s, {}, {{"Authorization", bearer}});
    QCOMPARE(statusOf(reply.get()), 401);

    m_server->setTokenLifetime(-5); // negative behaves like zero
    const QJsonObject again = loginJson();
    reply = send("GET", u"/me"_s, {},
                 {{"Authorization", "Bearer " + again.value(u"token"_s).toString().toLatin1()}});
    QCOMPARE(statusOf(reply.get()), 401);
}

void DemoServerTest::loginTest_data()
{
    QTest::addColumn<bool>("withToken");
    QTest::addColumn<int>("expectedStatus");
    QTest::addColumn<QByteArray>("expectedBody");
    QTest::newRow("logged in") << true << 200 << QByteArray(R"({"ok":true})");
    QTest::newRow("not logged in") << false << 401 << QByteArray(R"({"error":"Not logged in"})");
}

void DemoServerTest::loginTest()
{
    QFETCH(bool, withToken);
    QFETCH(int, expectedStatus);
    QFETCH(QByteArray, expectedBody);

    RawHeaders headers;
    if (withToken)
        headers.emplaceBack("Authorization", "Bearer " + loginJson().value(u"token"_s).toString().toLatin1());
    const auto reply = send("GET", u"/login-test"_s, {}, headers);
    QCOMPARE(statusOf(reply.get()), expectedStatus);
    QCOMPARE(reply->readAll(), expectedBody);
    QCOMPARE(m_server->counters().loginTests, 1);
}

void DemoServerTest::status_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("expectedStatus");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("418") << QByteArray("GET") << u"418"_s << 418 << u"I'm a teapot"_s;
    QTest::newRow("200") << QByteArray("GET") << u"200"_s << 200 << u"OK"_s;
    QTest::newRow("503 via POST") << QByteArray("POST") << u"503"_s << 503 << u"Service Unavailable"_s;
    QTest::newRow("unregistered 499") << QByteArray("GET") << u"499"_s << 499 << u"Client Error"_s;
    QTest::newRow("not a number") << QByteArray("GET") << u"abc"_s << 400 << u"Invalid status code"_s;
    QTest::newRow("too big") << QByteArray("GET") << u"600"_s << 400 << u"Invalid status code"_s;
    QTest::newRow("too small") << QByteArray("GET") << u"99"_s << 400 << u"Invalid status code"_s;
    QTest::newRow("huge") << QByteArray("GET") << u"99999999999999999999"_s << 400
                          << u"Invalid status code"_s;
}

void DemoServerTest::status()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, code);
    QFETCH(int, expectedStatus);
    QFETCH(QString, expectedError);

    const auto reply = send(method, u"/status/"_s + code, method == "POST" ? QByteArray("{}") : QByteArray());
    QCOMPARE(statusOf(reply.get()), expectedStatus);
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), u"application/json"_s);
    const QJsonObject object = jsonOf(reply->readAll());
    QCOMPARE(object.value(u"error"_s).toString(), expectedError);
    if (expectedStatus != 400)
        QCOMPARE(object.value(u"status"_s).toInt(), expectedStatus);
}

void DemoServerTest::statusWithoutBody()
{
    auto reply = send("GET", u"/status/204"_s);
    QCOMPARE(statusOf(reply.get()), 204);
    QVERIFY(reply->readAll().isEmpty());
    // The connection stays usable afterwards.
    reply = send("GET", u"/status/201"_s);
    QCOMPARE(statusOf(reply.get()), 201);
}

void DemoServerTest::textStatus()
{
    const auto reply = send("GET", u"/text/500"_s);
    QCOMPARE(statusOf(reply.get()), 500);
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), u"text/plain"_s);
    QCOMPARE(reply->readAll(), QByteArray("Plain text failure 500"));
}

void DemoServerTest::delay()
{
    QElapsedTimer timer;
    timer.start();
    const auto reply = send("GET", u"/delay/50"_s);
    QCOMPARE(statusOf(reply.get()), 200);
    QVERIFY2(timer.elapsed() >= 45, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(reply->readAll(), QByteArray(R"({"delayed_ms":50})"));

    const auto invalid = send("GET", u"/delay/soon"_s);
    QCOMPARE(statusOf(invalid.get()), 400);
}

void DemoServerTest::delayClientDisconnects()
{
    QSignalSpy handled(m_server.get(), &DemoServer::requestHandled);
    {
        RawClient client(m_server->port());
        client.socket.write("GET /delay/100 HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(m_server->counters().requests, 1); // the server is now waiting on its timer
        client.socket.abort();
    }
    // Outlive the abandoned timer, then check the server still answers.
    const auto reply = send("GET", u"/delay/200"_s);
    QCOMPARE(statusOf(reply.get()), 200);
    QCOMPARE(handled.size(), 1);
    QCOMPARE(handled.at(0).at(1).toString(), u"/delay/200"_s);
}

void DemoServerTest::pipelinedBehindDelay()
{
    RawClient client(m_server->port());
    client.socket.write(
        "GET /delay/30 HTTP/1.1\r\nHost: x\r\n\r\nGET /status/201 HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE(client.responses().size(), 2);
    const QList<RawResponse> responses = client.responses();
    QCOMPARE(responses.at(0).status, 200);
    QCOMPARE(responses.at(0).body, QByteArray(R"({"delayed_ms":30})"));
    QCOMPARE(responses.at(1).status, 201);
}

void DemoServerTest::redirect_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("expectedStatus");
    QTest::addColumn<QByteArray>("expectedLocation");
    QTest::newRow("default 302") << u"url=http%3A%2F%2Fexample.test%2Fdone%3Fa%3D1"_s << 302
                                 << QByteArray("http://example.test/done?a=1");
    QTest::newRow("307") << u"url=http%3A%2F%2Fexample.test%2F&status=307"_s << 307
                         << QByteArray("http://example.test/");
    QTest::newRow("relative") << u"url=%2Fheaders&status=301"_s << 301 << QByteArray("/headers");
    QTest::newRow("missing url") << u"status=302"_s << 400 << QByteArray();
    QTest::newRow("not a redirect status") << u"url=%2Fx&status=200"_s << 400 << QByteArray();
    QTest::newRow("header injection")
        << u"url=%2Fx%0D%0ASet-Cookie%3A%20a%3Db"_s << 302 << QByteArray("/x%0D%0ASet-Cookie:%20a=b");
}

void DemoServerTest::redirect()
{
    QFETCH(QString, query);
    QFETCH(int, expectedStatus);
    QFETCH(QByteArray, expectedLocation);

    const auto reply = send("GET", u"/redirect-to?"_s + query);
    QCOMPARE(statusOf(reply.get()), expectedStatus);
    if (expectedStatus != 400) {
        QCOMPARE(reply->rawHeader("Location"), expectedLocation);
        QCOMPARE(reply->rawHeader("Content-Length"), QByteArray("0"));
        QVERIFY(!reply->hasRawHeader("Set-Cookie"));
    }
}

void DemoServerTest::redirectIsFollowed()
{
    const auto reply =
        send("GET", u"/redirect-to?url=%2Fstatus%2F202"_s, {}, {}, QNetworkRequest::NoLessSafeRedirectPolicy);
    QCOMPARE(statusOf(reply.get()), 202);
    QCOMPARE(reply->url().path(), u"/status/202"_s);
}

void DemoServerTest::malformedRequest_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("expectedStatus");
    QTest::newRow("garbage line") << QByteArray("GARBAGE\r\n\r\n") << 400;
    QTest::newRow("garbage, no blank line") << QByteArray("hello there\r\n") << 400;
    QTest::newRow("missing version") << QByteArray("GET /\r\n\r\n") << 400;
    QTest::newRow("extra token") << QByteArray("GET / HTTP/1.1 extra\r\n\r\n") << 400;
    QTest::newRow("bad version") << QByteArray("GET / FOO/1.1\r\n\r\n") << 400;
    QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 505;
    QTest::newRow("relative target") << QByteArray("GET stats HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nBadHeader\r\n\r\n") << 400;
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400;
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nX-A: 1\r\n  2\r\n\r\n") << 400;
    QTest::newRow("control char in value") << QByteArray("GET / HTTP/1.1\r\nX-A: a\x01z\r\n\r\n") << 400;
    QTest::newRow("tls handshake") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) << 400;
    QTest::newRow("nul bytes") << QByteArray(16, '\0') << 400;
    QTest::newRow("bad content-length")
        << QByteArray("POST /post HTTP/1.1\r\nContent-Length: 12abc\r\n\r\n") << 400;
    QTest::newRow("negative content-length")
        << QByteArray("POST /post HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("conflicting content-lengths")
        << QByteArray("POST /post HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab") << 400;
    QTest::newRow("length and chunked")
        << QByteArray("POST /post HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n")
        << 400;
    QTest::newRow("unsupported transfer-encoding")
        << QByteArray("POST /post HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") << 501;
    QTest::newRow("bad chunk size") << QByteArray(
                                           "POST /post HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                    << 400;
    QTest::newRow("oversized head") << "GET / HTTP/1.1\r\nX-Big: " + QByteArray(70 * 1024, 'a') << 431;
}

void DemoServerTest::malformedRequest()
{
    QFETCH(QByteArray, request);
    QFETCH(int, expectedStatus);

    RawClient client(m_server->port());
    client.socket.write(request);
    QTRY_VERIFY(client.isClosed());
    const QList<RawResponse> responses = client.responses();
    QCOMPARE(responses.size(), 1);
    QCOMPARE(responses.at(0).status, expectedStatus);
    QCOMPARE(responses.at(0).header("connection"), QByteArray("close"));
    QCOMPARE(responses.at(0).header("content-type"), QByteArray("application/json"));
    QVERIFY(jsonOf(responses.at(0).body).contains(u"error"_s));

    // The server is unharmed.
    const auto reply = send("GET", u"/status/200"_s);
    QCOMPARE(statusOf(reply.get()), 200);
}

void DemoServerTest::byteAtATime()
{
    const QByteArray body = R"({"split":true})";
    const QByteArray request =
        "POST /post?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Content-Length: " +
        QByteArray::number(body.size()) + "\r\n\r\n" + body;
    RawClient client(m_server->port());
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
    for (qsizetype i = 0; i < request.size(); ++i) {
        QVERIFY(client.received.isEmpty()); // nothing is answered before the request is complete
        client.socket.write(request.constData() + i, 1);
        client.socket.flush();
        QCoreApplication::processEvents(); // let the server read each byte on its own
    }
    QTRY_COMPARE(client.responses().size(), 1);
    const RawResponse response = client.responses().at(0);
    QCOMPARE(response.status, 200);
    const QJsonObject echo = jsonOf(response.body);
    QCOMPARE(echo.value(u"data"_s).toString(), QString::fromLatin1(body));
    QCOMPARE(echo.value(u"json"_s).toObject().value(u"split"_s).toBool(), true);
    QCOMPARE(echo.value(u"args"_s).toObject().value(u"x"_s).toString(), u"1"_s);
    QVERIFY(!client.isClosed()); // keep-alive
}

void DemoServerTest::pipelinedRequests()
{
    RawClient client(m_server->port());
    client.socket.write("GET /headers HTTP/1.1\r\nHost: a\r\n\r\n"
                        "POST /post HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
                        "GET /stats HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
                        "GET /never-read HTTP/1.1\r\n\r\n");
    QTRY_VERIFY(client.isClosed());
    const QList<RawResponse> responses = client.responses();
    QCOMPARE(responses.size(), 3);
    QCOMPARE(responses.at(0).status, 200);
    QCOMPARE(responses.at(0).header("connection"), QByteArray("keep-alive"));
    QCOMPARE(jsonOf(responses.at(1).body).value(u"data"_s).toString(), u"hello"_s);
    QCOMPARE(responses.at(2).header("connection"), QByteArray("close"));
    QCOMPARE(jsonOf(responses.at(2).body).value(u"requests"_s).toInt(), 3);
    QCOMPARE(m_server->counters().requests, 3);
}

void DemoServerTest::chunkedBody()
{
    RawClient client(m_server->port());
    client.socket.write("POST /post HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
                        "Content-Type: application/json\r\n\r\n"
                        "5\r\n{\"a\":\r\n3;name=value\r\n 1}\r\n0\r\nX-Trailer: yes\r\n\r\n");
    QTRY_COMPARE(client.responses().size(), 1);
    const RawResponse response = client.responses().at(0);
    QCOMPARE(response.status, 200);
    const QJsonObject echo = jsonOf(response.body);
    QCOMPARE(echo.value(u"data"_s).toString(), u"{\"a\": 1}"_s);
    QCOMPARE(echo.value(u"json"_s).toObject().value(u"a"_s).toInt(), 1);
}

void DemoServerTest::caseInsensitiveHeaders()
{
    const QByteArray body = R"({"email":"demo@authstudio.test","password":"demo-password"})";
    RawClient client(m_server->port());
    client.socket.write(
        "POST /login HTTP/1.1\r\nhOsT: a\r\ncontent-TYPE: application/json\r\nCONTENT-LENGTH: " +
        QByteArray::number(body.size()) + "\r\nconnection: CLOSE\r\n\r\n" + body);
    QTRY_VERIFY(client.isClosed());
    QCOMPARE(client.responses().size(), 1);
    QCOMPARE(client.responses().at(0).status, 200);
    QCOMPARE(m_server->counters().logins, 1);
}

void DemoServerTest::expectContinue()
{
    const QByteArray body = "a=1";
    RawClient client(m_server->port());
    client.socket.write("POST /post HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Type: "
                        "application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\n");
    QTRY_COMPARE(client.responses().size(), 1);
    QCOMPARE(client.responses().at(0).status, 100);
    client.socket.write(body);
    QTRY_COMPARE(client.responses().size(), 2);
    QCOMPARE(client.responses().at(1).status, 200);
    QCOMPARE(jsonOf(client.responses().at(1).body).value(u"form"_s).toObject().value(u"a"_s).toString(),
             u"1"_s);
}

void DemoServerTest::http10ClosesConnection()
{
    RawClient client(m_server->port());
    client.socket.write("GET /stats HTTP/1.0\r\n\r\n");
    QTRY_VERIFY(client.isClosed());
    QCOMPARE(client.responses().size(), 1);
    QCOMPARE(client.responses().at(0).status, 200);
    QCOMPARE(client.responses().at(0).header("connection"), QByteArray("close"));

    RawClient keepAlive(m_server->port());
    keepAlive.socket.write("GET /stats HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    QTRY_COMPARE(keepAlive.responses().size(), 1);
    QCOMPARE(keepAlive.responses().at(0).header("connection"), QByteArray("keep-alive"));
    QVERIFY(!keepAlive.isClosed());
}

void DemoServerTest::requestTooLarge()
{
    // Announced too large: refused before the body is read.
    RawClient client(m_server->port());
    client.socket.write("POST /post HTTP/1.1\r\nHost: a\r\nContent-Length: 10485761\r\n\r\nstart of body");
    QTRY_COMPARE(client.responses().size(), 1);
    QCOMPARE(client.responses().at(0).status, 413);
    QTRY_VERIFY(client.isClosed());

    // Through QNetworkAccessManager, which keeps uploading while the server answers.
    const auto reply = send("POST", u"/post"_s, QByteArray(10 * 1024 * 1024 + 1, 'x'),
                            {{"Content-Type", "application/octet-stream"}});
    QCOMPARE(statusOf(reply.get()), 413);

    // A chunked body growing past the cap.
    RawClient chunked(m_server->port());
    chunked.socket.write("POST /post HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                         "A00000\r\n"); // 10 MiB in one chunk is fine...
    chunked.socket.write(QByteArray(0xA00000, 'y') + "\r\n1\r\nz\r\n0\r\n\r\n"); // ...one more byte is not
    QTRY_COMPARE(chunked.responses().size(), 1);
    QCOMPARE(chunked.responses().at(0).status, 413);
    QCOMPARE(m_server->counters().requests, 0);
}

void DemoServerTest::largeBodyEcho()
{
    const QByteArray body(1024 * 1024, 'q');
    const auto reply = send("POST", u"/post"_s, body, {{"Content-Type", "text/plain"}});
    QCOMPARE(statusOf(reply.get()), 200);
    QCOMPARE(jsonOf(reply->readAll()).value(u"data"_s).toString().size(), body.size());
}

void DemoServerTest::sequentialRequests()
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 200; ++i) {
        const auto reply = send(i % 2 ? "GET" : "POST", i % 2 ? u"/stats"_s : u"/post?i=%1"_s.arg(i),
                                i % 2 ? QByteArray() : QByteArray::number(i));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(statusOf(reply.get()), 200);
    }
    QCOMPARE(m_server->counters().requests, 200);
    qDebug("200 sequential requests took %lld ms", timer.elapsed());
    QVERIFY2(timer.elapsed() < 10000, "keep-alive requests are answered without delays");
}

void DemoServerTest::counters()
{
    const QJsonObject login = loginJson();
    const QByteArray bearer = "Bearer " + login.value(u"token"_s).toString().toLatin1();
    send("POST", u"/login"_s, R"({"email":"x","password":"y"})", {{"Content-Type", "application/json"}});
    send("GET", u"/me"_s, {}, {{"Authorization", bearer}});
    send("GET", u"/me"_s);
    send("GET", u"/login-test"_s, {}, {{"Authorization", bearer}});
    send("POST", u"/refresh"_s,
         QJsonDocument(QJsonObject {{u"refresh_token"_s, login.value(u"refresh_token"_s)}}).toJson(),
         {{"Content-Type", "application/json"}});
    send("POST", u"/refresh"_s, R"({"refresh_token":"nope"})", {{"Content-Type", "application/json"}});

    DemoServer::Counters counters = m_server->counters();
    QCOMPARE(counters.requests, 7);
    QCOMPARE(counters.logins, 1);
    QCOMPARE(counters.failedLogins, 1);
    QCOMPARE(counters.meRequests, 2);
    QCOMPARE(counters.loginTests, 1);
    QCOMPARE(counters.refreshes, 1);
    QCOMPARE(counters.failedRefreshes, 1);

    auto reply = send("GET", u"/stats"_s);
    QCOMPARE(statusOf(reply.get()), 200);
    QCOMPARE(jsonOf(reply->readAll()),
             (QJsonObject {
                 {u"requests"_s, 8}, // includes this /stats request
                 {u"logins"_s, 1},
                 {u"failedLogins"_s, 1},
                 {u"refreshes"_s, 1},
                 {u"failedRefreshes"_s, 1},
                 {u"meRequests"_s, 2},
                 {u"loginTests"_s, 1},
             }));

    m_server->resetCounters();
    counters = m_server->counters();
    QCOMPARE(counters.requests, 0);
    QCOMPARE(counters.logins, 0);
    QCOMPARE(counters.failedLogins, 0);
    QCOMPARE(counters.refreshes, 0);
    QCOMPARE(counters.failedRefreshes, 0);
    QCOMPARE(counters.meRequests, 0);
    QCOMPARE(counters.loginTests, 0);
    reply = send("GET", u"/stats"_s);
    const QJsonObject stats = jsonOf(reply->readAll());
    QCOMPARE(stats.value(u"requests"_s).toInt(), 1);
    QCOMPARE(stats.value(u"logins"_s).toInt(), 0);
}

void DemoServerTest::requestHandledSignal()
{
    QSignalSpy handled(m_server.get(), &DemoServer::requestHandled);
    send("GET", u"/status/418?x=1"_s);
    send("PATCH", u"/anything"_s, "x");
    QCOMPARE(handled.size(), 2);
    QCOMPARE(handled.at(0).at(0).toString(), u"GET"_s);
    QCOMPARE(handled.at(0).at(1).toString(), u"/status/418"_s);
    QCOMPARE(handled.at(0).at(2).toInt(), 418);
    QCOMPARE(handled.at(1).at(0).toString(), u"PATCH"_s);
    QCOMPARE(handled.at(1).at(2).toInt(), 200);
}

void DemoServerTest::closeStopsListening()
{
    const quint16 port = m_server->port();
    RawClient idle(port);
    QTRY_COMPARE(idle.socket.state(), QAbstractSocket::ConnectedState);
    idle.socket.write("GET /stats HTTP/1.1\r\n\r\n");
    QTRY_COMPARE(idle.responses().size(), 1);

    m_server->close();
    QVERIFY(!m_server->isListening());
    QCOMPARE(m_server->port(), quint16(0));
    QTRY_VERIFY(idle.isClosed()); // open connections are dropped

    RawClient refused(port);
    QTRY_VERIFY(refused.isClosed());
    QCOMPARE(refused.socket.error(), QAbstractSocket::ConnectionRefusedError);

    QVERIFY(m_server->listen());
    const auto reply = send("GET", u"/stats"_s);
    QCOMPARE(statusOf(reply.get()), 200);
}

void DemoServerTest::destroyWithOpenConnections()
{
    RawClient waiting(m_server->port());
    waiting.socket.write("GET /delay/5000 HTTP/1.1\r\n\r\n");
    RawClient partial(m_server->port());
    partial.socket.write("POST /post HTTP/1.1\r\nContent-Length: 100\r\n\r\nonly some");
    QTRY_COMPARE(m_server->counters().requests, 1);
    m_server.reset();
    QTRY_VERIFY(waiting.isClosed());
    QTRY_VERIFY(partial.isClosed());
    QVERIFY(waiting.received.isEmpty());
}

void DemoServerTest::closeFromSlot()
{
    connect(m_server.get(), &DemoServer::requestHandled, m_server.get(), [this] { m_server->close(); });
    RawClient client(m_server->port());
    client.socket.write("GET /stats HTTP/1.1\r\n\r\nGET /stats HTTP/1.1\r\n\r\n");
    QTRY_VERIFY(client.isClosed());
    QVERIFY(!m_server->isListening());
    QCOMPARE(m_server->counters().requests, 1);
}

void DemoServerTest::deleteFromSlot()
{
    DemoServer *server = m_server.get();
    connect(server, &DemoServer::requestHandled, this, [this] { m_server.reset(); });
    RawClient client(server->port());
    client.socket.write("GET /stats HTTP/1.1\r\n\r\nGET /stats HTTP/1.1\r\n\r\n");
    QTRY_VERIFY(client.isClosed());
    QVERIFY(!m_server);
}

QTEST_GUILESS_MAIN(DemoServerTest)
#include "tst_demoserver.moc"
