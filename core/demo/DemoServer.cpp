#include "DemoServer.h"

#include "DemoHttpParser.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <limits>
#include <map>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace AuthStudio {

namespace {

constexpr int DefaultTokenLifetime = 3600;
constexpr int MaxDelayMs = 60000;
// After an error response the connection drains (reads and discards) whatever the client is still sending,
// closing once it has been quiet for LingerQuietMs (at most LingerMaxMs): closing a socket with unread
// input makes the kernel send a reset, and the client could lose our answer.
constexpr int LingerQuietMs = 50;
constexpr int LingerMaxMs = 2000;
constexpr qsizetype MaxBufferedBytes = 2 * DemoHttpParser::MaxBodySize + DemoHttpParser::MaxHeadSize;
constexpr qsizetype PurgeThreshold = 10000;

using Request = DemoHttpParser::Request;

struct Response
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
};

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 102:
        return "Processing";
    case 103:
        return "Early Hints";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 203:
        return "Non-Authoritative Information";
    case 204:
        return "No Content";
    case 205:
        return "Reset Content";
    case 206:
        return "Partial Content";
    case 207:
        return "Multi-Status";
    case 208:
        return "Already Reported";
    case 226:
        return "IM Used";
    case 300:
        return "Multiple Choices";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 305:
        return "Use Proxy";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 407:
        return "Proxy Authentication Required";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 416:
        return "Range Not Satisfiable";
    case 417:
        return "Expectation Failed";
    case 418:
        return "I'm a teapot";
    case 421:
        return "Misdirected Request";
    case 422:
        return "Unprocessable Content";
    case 423:
        return "Locked";
    case 424:
        return "Failed Dependency";
    case 425:
        return "Too Early";
    case 426:
        return "Upgrade Required";
    case 428:
        return "Precondition Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 451:
        return "Unavailable For Legal Reasons";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    case 506:
        return "Variant Also Negotiates";
    case 507:
        return "Insufficient Storage";
    case 508:
        return "Loop Detected";
    case 510:
        return "Not Extended";
    case 511:
        return "Network Authentication Required";
    default:
        break;
    }
    if (status < 200)
        return "Informational";
    if (status < 300)
        return "Success";
    if (status < 400)
        return "Redirection";
    if (status < 500)
        return "Client Error";
    return "Server Error";
}

Response jsonResponse(int status, const QJsonObject &object)
{
    Response response;
    response.status = status;
    response.contentType = "application/json";
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

Response errorResponse(int status, const QString &message)
{
    return jsonResponse(status, QJsonObject {{u"error"_s, message}});
}

Response methodNotAllowed(QByteArray allow)
{
    Response response = errorResponse(405, u"Method not allowed"_s);
    response.headers.append({QByteArrayLiteral("Allow"), std::move(allow)});
    return response;
}

QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'")
        .toLatin1();
}

QByteArray serialize(const Response &response, bool keepAlive, bool headRequest)
{
    // 1xx, 204 and 304 responses never carry a body or Content-Length; 205 has an empty body.
    const int status = response.status;
    const bool lengthAllowed = status >= 200 && status != 204 && status != 304;
    const bool bodyAllowed = lengthAllowed && status != 205;
    const QByteArray body = bodyAllowed ? response.body : QByteArray();

    QByteArray out;
    out.reserve(256 + (headRequest ? 0 : body.size()));
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Server: AuthStudio-Demo\r\n";
    out += "Date: " + httpDate() + "\r\n";
    if (bodyAllowed && !response.contentType.isEmpty())
        out += "Content-Type: " + response.contentType + "\r\n";
    if (lengthAllowed)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    out += "\r\n";
    if (!headRequest)
        out += body;
    return out;
}

QString decodeComponent(QByteArray encoded)
{
    encoded.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(encoded));
}

// application/x-www-form-urlencoded (also used for query strings): '+' is a space, pairs keep their order.
QList<std::pair<QString, QString>> decodeForm(const QByteArray &data)
{
    QList<std::pair<QString, QString>> pairs;
    const QList<QByteArray> pieces = data.split('&');
    for (const QByteArray &piece : pieces) {
        if (piece.isEmpty())
            continue;
        const qsizetype equals = piece.indexOf('=');
        if (equals < 0)
            pairs.append({decodeComponent(piece), QString()});
        else
            pairs.append({decodeComponent(piece.left(equals)), decodeComponent(piece.mid(equals + 1))});
    }
    return pairs;
}

// Repeated keys become arrays, like httpbin.
QJsonObject pairsToObject(const QList<std::pair<QString, QString>> &pairs)
{
    QJsonObject object;
    for (const auto &[key, value] : pairs) {
        const auto it = object.find(key);
        if (it == object.end()) {
            object.insert(key, value);
        } else if (it->isArray()) {
            QJsonArray array = it->toArray();
            array.append(value);
            *it = array;
        } else {
            *it = QJsonArray {it->toString(), value};
        }
    }
    return object;
}

QString firstValue(const QList<std::pair<QString, QString>> &pairs, const QString &key)
{
    for (const auto &[k, v] : pairs) {
        if (k == key)
            return v;
    }
    return QString();
}

// Header names as received; repeated headers (any case) are joined with ", " under the first spelling.
QJsonObject headersObject(const Request &request)
{
    QJsonObject object;
    for (const DemoHttpParser::Header &header : request.headers) {
        const QString name = QString::fromUtf8(header.name);
        const QString value = QString::fromUtf8(header.value);
        bool merged = false;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key().compare(name, Qt::CaseInsensitive) == 0) {
                *it = it->toString() + u", "_s + value;
                merged = true;
                break;
            }
        }
        if (!merged)
            object.insert(name, value);
    }
    return object;
}

QByteArray mediaType(const Request &request)
{
    QByteArray type = request.header("content-type");
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    return type.trimmed().toLower();
}

bool isJsonType(const QByteArray &type)
{
    return type == "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

bool isFormType(const QByteArray &type)
{
    return type == "application/x-www-form-urlencoded";
}

// Any JSON value (QJsonDocument alone only accepts objects and arrays at the top level).
std::optional<QJsonValue> parseJsonValue(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson('[' + body + ']', &error);
    if (error.error != QJsonParseError::NoError || !document.isArray() || document.array().size() != 1)
        return std::nullopt;
    return document.array().at(0);
}

// Fields of a JSON object or form-urlencoded body; nullopt when the body is neither.
std::optional<QJsonObject> bodyFields(const Request &request)
{
    const QByteArray type = mediaType(request);
    if (isFormType(type))
        return pairsToObject(decodeForm(request.body));
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (document.isObject())
        return document.object();
    if (!isJsonType(type) && request.body.contains('='))
        return pairsToObject(decodeForm(request.body));
    return std::nullopt;
}

// Strictly decimal digits, as an int; nullopt when not digits or longer than 9 digits.
std::optional<int> parseDigits(const QString &text)
{
    if (text.isEmpty() || text.size() > 9)
        return std::nullopt;
    int value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

QString randomHex(int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; i += 4) {
        const quint32 value = QRandomGenerator::system()->generate();
        for (int j = 0; j < 4 && i + j < bytes; ++j)
            data[i + j] = static_cast<char>((value >> (8 * j)) & 0xff);
    }
    return QString::fromLatin1(data.toHex());
}

bool isGetOrHead(const QByteArray &method)
{
    return method == "GET" || method == "HEAD";
}

} // namespace

class DemoServer::Private
{
public:
    enum class TimerPurpose { None, Delay, Linger };

    struct Connection
    {
        QTcpSocket *socket = nullptr; // child of the QTcpServer; detached and deleteLater()'d when dropped
        QTimer *timer = nullptr; // child of socket: the /delay wait or the linger before closing
        TimerPurpose timerPurpose = TimerPurpose::None;
        DemoHttpParser parser;
        bool busy = false; // a delayed response is pending; later pipelined requests wait
        bool closing = false; // no more requests are read
        bool dropScheduled = false;
        QDeadlineTimer lingerDeadline;
        // The delayed request being answered when the timer fires.
        QByteArray pendingMethod;
        QString pendingPath;
        bool pendingKeepAlive = true;
        int pendingDelay = 0;
    };

    explicit Private(DemoServer *qq);

    void onNewConnection();
    void onReadyRead(quint64 id);
    void onSocketGone(quint64 id);
    void onTimer(quint64 id);
    void processBuffer(quint64 id);
    bool dispatch(quint64 id, const Request &request);
    bool respond(quint64 id, const QByteArray &method, const QString &path, const Response &response,
                 bool keepAlive, bool headRequest, bool linger = false);
    void dropConnection(quint64 id);
    void dropAllConnections();
    Connection *find(quint64 id) const;

    Response route(const Request &request, const QString &path);
    Response echo(const Request &request) const;
    Response login(const Request &request);
    Response refresh(const Request &request);
    Response me(const Request &request);
    Response loginTest(const Request &request);
    Response stats() const;
    Response statusCode(const QString &code, bool plainText) const;
    Response redirectTo(const Request &request) const;

    QString issueAccessToken();
    bool isValidAccessToken(const QString &token) const;
    QJsonObject tokenObject(const QString &accessToken, const QString &refreshToken) const;

    DemoServer *q;
    QTcpServer *server; // child of q
    std::map<quint64, std::unique_ptr<Connection>> connections;
    quint64 nextConnectionId = 1;
    QString errorString;

    int tokenLifetime = DefaultTokenLifetime;
    bool rejectAllTokens = false;
    QElapsedTimer clock; // monotonic time base for token expiry
    QHash<QString, qint64> accessTokens; // token -> expiry in clock milliseconds
    QSet<QString> refreshTokens;
    Counters counters;
};

DemoServer::Private::Private(DemoServer *qq)
    : q(qq)
    , server(new QTcpServer(qq))
{
    clock.start();
    QObject::connect(server, &QTcpServer::newConnection, q, [this] { onNewConnection(); });
}

DemoServer::Private::Connection *DemoServer::Private::find(quint64 id) const
{
    const auto it = connections.find(id);
    return it == connections.end() ? nullptr : it->second.get();
}

void DemoServer::Private::onNewConnection()
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        const quint64 id = nextConnectionId++;
        auto connection = std::make_unique<Connection>();
        connection->socket = socket;
        connection->timer = new QTimer(socket);
        connection->timer->setSingleShot(true);
        connection->timer->setTimerType(Qt::PreciseTimer);
        QObject::connect(socket, &QTcpSocket::readyRead, q, [this, id] { onReadyRead(id); });
        QObject::connect(socket, &QTcpSocket::disconnected, q, [this, id] { onSocketGone(id); });
        QObject::connect(socket, &QTcpSocket::errorOccurred, q, [this, id, socket] {
            if (socket->state() == QAbstractSocket::UnconnectedState)
                onSocketGone(id);
        });
        QObject::connect(connection->timer, &QTimer::timeout, q, [this, id] { onTimer(id); });
        connections.emplace(id, std::move(connection));
        // Data that already arrived is announced by readyRead from the event loop; answering from here
        // would run user slots inside QTcpServer's signal emission.
    }
}

void DemoServer::Private::onReadyRead(quint64 id)
{
    Connection *connection = find(id);
    if (!connection)
        return;
    const QByteArray data = connection->socket->readAll();
    if (connection->closing) {
        // Draining after an error: wait for the client to go quiet before closing.
        if (connection->timerPurpose == TimerPurpose::Linger && !connection->lingerDeadline.hasExpired())
            connection->timer->start(LingerQuietMs);
        return;
    }
    connection->parser.append(data);
    if (connection->parser.bufferedBytes() > MaxBufferedBytes) {
        dropConnection(id); // a client flooding pipelined data while we wait on a /delay
        return;
    }
    processBuffer(id);
}

// Called from socket signals: the socket may be mid-emission, so the connection is released later.
void DemoServer::Private::onSocketGone(quint64 id)
{
    Connection *connection = find(id);
    if (!connection || connection->dropScheduled)
        return;
    connection->dropScheduled = true;
    connection->closing = true;
    connection->busy = false;
    connection->timer->stop();
    connection->timerPurpose = TimerPurpose::None;
    QMetaObject::invokeMethod(
        q, [this, id] { dropConnection(id); }, Qt::QueuedConnection);
}

void DemoServer::Private::onTimer(quint64 id)
{
    Connection *connection = find(id);
    if (!connection)
        return;
    const TimerPurpose purpose = std::exchange(connection->timerPurpose, TimerPurpose::None);
    if (purpose == TimerPurpose::Linger) {
        connection->socket->disconnectFromHost();
        return;
    }
    if (purpose != TimerPurpose::Delay || !connection->busy)
        return;
    connection->busy = false;
    const QByteArray method = std::move(connection->pendingMethod);
    const QString path = std::move(connection->pendingPath);
    const Response response = jsonResponse(200, QJsonObject {{u"delayed_ms"_s, connection->pendingDelay}});
    if (!respond(id, method, path, response, connection->pendingKeepAlive, method == "HEAD"))
        return;
    processBuffer(id); // requests pipelined behind the delayed one
}

void DemoServer::Private::processBuffer(quint64 id)
{
    for (;;) {
        Connection *connection = find(id);
        if (!connection || connection->busy || connection->closing)
            return;
        switch (connection->parser.parse()) {
        case DemoHttpParser::Result::NeedMoreData:
            if (connection->parser.takeContinueRequest())
                connection->socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            return;
        case DemoHttpParser::Result::Failed: {
            const DemoHttpParser::Error error = connection->parser.error();
            const QString path = QString::fromUtf8(QByteArray::fromPercentEncoding(error.path));
            respond(id, error.method, path, errorResponse(error.status, QString::fromUtf8(error.message)),
                    false, false, true);
            return;
        }
        case DemoHttpParser::Result::RequestReady: {
            const Request request = connection->parser.takeRequest();
            if (!dispatch(id, request))
                return;
            break;
        }
        }
    }
}

// Returns false when the connection or the whole server went away while answering.
bool DemoServer::Private::dispatch(quint64 id, const Request &request)
{
    ++counters.requests;
    const QString path = QString::fromUtf8(QByteArray::fromPercentEncoding(request.path));
    const bool headRequest = request.method == "HEAD";

    if (path.startsWith(u"/delay/"_s)) {
        if (!isGetOrHead(request.method))
            return respond(id, request.method, path, methodNotAllowed("GET, HEAD"), request.keepAlive,
                           headRequest);
        const QString value = path.mid(7);
        bool isNumber = !value.isEmpty() && value.size() <= 20;
        for (const QChar c : value)
            isNumber = isNumber && c >= u'0' && c <= u'9';
        if (!isNumber)
            return respond(id, request.method, path, errorResponse(400, u"Invalid delay"_s),
                           request.keepAlive, headRequest);
        const std::optional<int> parsed = parseDigits(value);
        Connection *connection = find(id);
        connection->busy = true;
        connection->pendingMethod = request.method;
        connection->pendingPath = path;
        connection->pendingKeepAlive = request.keepAlive;
        connection->pendingDelay = parsed ? qMin(*parsed, MaxDelayMs) : MaxDelayMs;
        connection->timerPurpose = TimerPurpose::Delay;
        connection->timer->start(connection->pendingDelay);
        return true;
    }

    const Response response = route(request, path);
    const bool keepAlive = request.keepAlive && response.status >= 200;
    return respond(id, request.method, path, response, keepAlive, headRequest);
}

bool DemoServer::Private::respond(quint64 id, const QByteArray &method, const QString &path,
                                  const Response &response, bool keepAlive, bool headRequest, bool linger)
{
    Connection *connection = find(id);
    if (!connection)
        return false;
    connection->socket->write(serialize(response, keepAlive, headRequest));
    if (!keepAlive) {
        connection->closing = true;
        if (linger) {
            connection->timerPurpose = TimerPurpose::Linger;
            connection->lingerDeadline = QDeadlineTimer(LingerMaxMs);
            connection->timer->start(LingerQuietMs);
        } else {
            connection->socket->disconnectFromHost(); // after the response is flushed
        }
    }
    const QPointer<DemoServer> guard(q);
    Q_EMIT q->requestHandled(QString::fromLatin1(method), path, response.status);
    if (!guard)
        return false; // a slot deleted the server: touch nothing
    return find(id) != nullptr;
}

void DemoServer::Private::dropConnection(quint64 id)
{
    const auto it = connections.find(id);
    if (it == connections.end())
        return;
    const std::unique_ptr<Connection> connection = std::move(it->second);
    connections.erase(it);
    connection->timer->stop();
    QObject::disconnect(connection->timer, nullptr, q, nullptr);
    QObject::disconnect(connection->socket, nullptr, q, nullptr);
    if (connection->socket->state() != QAbstractSocket::UnconnectedState)
        connection->socket->abort();
    // Detached from the QTcpServer so that deleting the DemoServer from a slot running inside this
    // socket's own signal cannot destroy the socket synchronously; the event loop deletes it.
    connection->socket->setParent(nullptr);
    connection->socket->deleteLater();
}

void DemoServer::Private::dropAllConnections()
{
    std::vector<quint64> ids;
    ids.reserve(connections.size());
    for (const auto &entry : connections)
        ids.push_back(entry.first);
    for (const quint64 id : ids)
        dropConnection(id);
}

QList<DemoServer::Endpoint> DemoServer::endpoints()
{
    // Kept beside route(), which answers them; tst_demoserver sends each one.
    return {
        {u"POST"_s, u"/login"_s,
         u"Log in with JSON or form fields email and password: an access token (expiring) and a refresh "
         "token"_s},
        {u"POST"_s, u"/refresh"_s, u"A new access token for {\"refresh_token\": \"...\"}"_s},
        {u"GET"_s, u"/me"_s, u"The user, with Authorization: Bearer ACCESS_TOKEN; 401 without"_s},
        {u"GET"_s, u"/login-test"_s, u"200 with a valid bearer token, 401 without: a login test URL"_s},
        {u"POST"_s, u"/post"_s, u"Echoes the request: its JSON body under json, headers, args"_s},
        {u"any"_s, u"/anything/PATH"_s, u"Echoes any request, as /post does"_s},
        {u"GET"_s, u"/headers"_s, u"The request's headers"_s},
        {u"any"_s, u"/status/CODE"_s, u"Answers with that status and a JSON body"_s},
        {u"GET"_s, u"/text/CODE"_s, u"Answers with that status and a plain-text body"_s},
        {u"GET"_s, u"/delay/MS"_s, u"Answers after MS milliseconds"_s},
        {u"GET"_s, u"/redirect-to?url=URL"_s, u"Redirects (302) to URL"_s},
        {u"GET"_s, u"/stats"_s, u"How many logins, refreshes and requests it has had"_s},
    };
}

Response DemoServer::Private::route(const Request &request, const QString &path)
{
    const QByteArray &method = request.method;
    if (path == u"/anything"_s || path.startsWith(u"/anything/"_s))
        return echo(request);
    if (path == u"/post"_s)
        return method == "POST" ? echo(request) : methodNotAllowed("POST");
    if (path == u"/login"_s)
        return method == "POST" ? login(request) : methodNotAllowed("POST");
    if (path == u"/refresh"_s)
        return method == "POST" ? refresh(request) : methodNotAllowed("POST");
    if (path.startsWith(u"/status/"_s))
        return statusCode(path.mid(8), false);

    const bool getLike = isGetOrHead(method);
    if (path == u"/me"_s)
        return getLike ? me(request) : methodNotAllowed("GET, HEAD");
    if (path == u"/login-test"_s)
        return getLike ? loginTest(request) : methodNotAllowed("GET, HEAD");
    if (path == u"/stats"_s)
        return getLike ? stats() : methodNotAllowed("GET, HEAD");
    if (path == u"/headers"_s)
        return getLike ? jsonResponse(200, QJsonObject {{u"headers"_s, headersObject(request)}})
                       : methodNotAllowed("GET, HEAD");
    if (path.startsWith(u"/text/"_s))
        return getLike ? statusCode(path.mid(6), true) : methodNotAllowed("GET, HEAD");
    if (path == u"/redirect-to"_s)
        return getLike ? redirectTo(request) : methodNotAllowed("GET, HEAD");
    return errorResponse(404, u"Not found"_s);
}

Response DemoServer::Private::echo(const Request &request) const
{
    const QByteArray type = mediaType(request);
    QJsonValue json = QJsonValue::Null;
    if (isJsonType(type)) {
        if (const std::optional<QJsonValue> parsed = parseJsonValue(request.body))
            json = *parsed;
    }
    const QJsonObject form = isFormType(type) ? pairsToObject(decodeForm(request.body)) : QJsonObject();
    return jsonResponse(200,
                        QJsonObject {
                            {u"method"_s, QString::fromLatin1(request.method)},
                            {u"url"_s, QString::fromUtf8(request.pathAndQuery)},
                            {u"args"_s, pairsToObject(decodeForm(request.query))},
                            {u"headers"_s, headersObject(request)},
                            {u"data"_s, QString::fromUtf8(request.body)},
                            {u"json"_s, json},
                            {u"form"_s, form},
                        });
}

Response DemoServer::Private::login(const Request &request)
{
    const std::optional<QJsonObject> fields = bodyFields(request);
    if (!fields) {
        ++counters.failedLogins;
        return errorResponse(400, u"Request body must be JSON or form data with email and password"_s);
    }
    QJsonValue email = fields->value(u"email"_s);
    if (!email.isString())
        email = fields->value(u"username"_s);
    const QJsonValue password = fields->value(u"password"_s);
    if (!email.isString() || !password.isString()) {
        ++counters.failedLogins;
        return errorResponse(400, u"Missing email or password"_s);
    }
    if (email.toString().trimmed().compare(demoEmail(), Qt::CaseInsensitive) != 0 ||
        password.toString() != demoPassword()) {
        ++counters.failedLogins;
        return errorResponse(401, u"Invalid username or password"_s);
    }
    ++counters.logins;
    const QString refreshToken = randomHex(32);
    refreshTokens.insert(refreshToken);
    return jsonResponse(200, tokenObject(issueAccessToken(), refreshToken));
}

Response DemoServer::Private::refresh(const Request &request)
{
    const std::optional<QJsonObject> fields = bodyFields(request);
    const QString refreshToken = fields ? fields->value(u"refresh_token"_s).toString() : QString();
    if (refreshToken.isEmpty() || !refreshTokens.contains(refreshToken)) {
        ++counters.failedRefreshes;
        return errorResponse(401, u"Invalid refresh token"_s);
    }
    ++counters.refreshes;
    return jsonResponse(200, tokenObject(issueAccessToken(), refreshToken));
}

namespace {

QString bearerToken(const Request &request)
{
    const QByteArray authorization = request.header("authorization").trimmed();
    const qsizetype space = authorization.indexOf(' ');
    if (space <= 0 || authorization.left(space).compare("bearer", Qt::CaseInsensitive) != 0)
        return QString();
    return QString::fromLatin1(authorization.mid(space + 1).trimmed());
}

} // namespace

Response DemoServer::Private::me(const Request &request)
{
    ++counters.meRequests;
    if (!isValidAccessToken(bearerToken(request)))
        return errorResponse(401, u"Token missing, invalid or expired"_s);
    return jsonResponse(200, QJsonObject {{u"email"_s, demoEmail()}, {u"name"_s, u"Demo User"_s}});
}

Response DemoServer::Private::loginTest(const Request &request)
{
    ++counters.loginTests;
    if (!isValidAccessToken(bearerToken(request)))
        return errorResponse(401, u"Not logged in"_s);
    return jsonResponse(200, QJsonObject {{u"ok"_s, true}});
}

Response DemoServer::Private::stats() const
{
    return jsonResponse(200,
                        QJsonObject {
                            {u"requests"_s, counters.requests},
                            {u"logins"_s, counters.logins},
                            {u"failedLogins"_s, counters.failedLogins},
                            {u"refreshes"_s, counters.refreshes},
                            {u"failedRefreshes"_s, counters.failedRefreshes},
                            {u"meRequests"_s, counters.meRequests},
                            {u"loginTests"_s, counters.loginTests},
                        });
}

Response DemoServer::Private::statusCode(const QString &code, bool plainText) const
{
    const std::optional<int> status = parseDigits(code);
    if (!status || *status < 100 || *status > 599)
        return errorResponse(400, u"Invalid status code"_s);
    if (plainText) {
        Response response;
        response.status = *status;
        response.contentType = "text/plain";
        response.body = "Plain text failure " + QByteArray::number(*status);
        return response;
    }
    return jsonResponse(
        *status,
        QJsonObject {{u"status"_s, *status}, {u"error"_s, QString::fromLatin1(reasonPhrase(*status))}});
}

Response DemoServer::Private::redirectTo(const Request &request) const
{
    const QList<std::pair<QString, QString>> args = decodeForm(request.query);
    const QString target = firstValue(args, u"url"_s);
    if (target.isEmpty())
        return errorResponse(400, u"Missing url parameter"_s);
    int status = 302;
    const QString statusText = firstValue(args, u"status"_s);
    if (!statusText.isEmpty()) {
        const std::optional<int> parsed = parseDigits(statusText);
        if (!parsed || *parsed < 300 || *parsed > 399 || *parsed == 304)
            return errorResponse(400, u"Invalid redirect status"_s);
        status = *parsed;
    }
    const QUrl url(target);
    const QByteArray location = url.toEncoded();
    bool clean = url.isValid() && !location.isEmpty();
    for (const char c : location)
        clean = clean && static_cast<unsigned char>(c) > 0x20 && c != 0x7f;
    if (!clean)
        return errorResponse(400, u"Invalid url parameter"_s);
    Response response;
    response.status = status;
    response.headers.append({QByteArrayLiteral("Location"), location});
    return response;
}

QString DemoServer::Private::issueAccessToken()
{
    const qint64 now = clock.elapsed();
    if (accessTokens.size() >= PurgeThreshold) {
        for (auto it = accessTokens.begin(); it != accessTokens.end();)
            it = it.value() <= now ? accessTokens.erase(it) : std::next(it);
    }
    const QString token = randomHex(32);
    accessTokens.insert(token, now + qint64(qMax(0, tokenLifetime)) * 1000);
    return token;
}

bool DemoServer::Private::isValidAccessToken(const QString &token) const
{
    if (token.isEmpty() || rejectAllTokens)
        return false;
    const auto it = accessTokens.constFind(token);
    return it != accessTokens.cend() && clock.elapsed() < it.value();
}

QJsonObject DemoServer::Private::tokenObject(const QString &accessToken, const QString &refreshToken) const
{
    return QJsonObject {
        {u"token"_s, accessToken},
        {u"refresh_token"_s, refreshToken},
        {u"token_type"_s, u"Bearer"_s},
        {u"expires_in"_s, qMax(0, tokenLifetime)},
        {u"user"_s, QJsonObject {{u"email"_s, demoEmail()}, {u"name"_s, u"Demo User"_s}}},
    };
}

DemoServer::DemoServer(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{ }

DemoServer::~DemoServer()
{
    close();
}

namespace {

// The server may answer on a thread of its own (the studio runs it there, so that echoing megabytes back
// doesn't freeze the window that sent them): a call from another thread runs on the server's thread, and
// waits for it.
template<typename Function> auto onServerThread(const QObject *server, Function function)
{
    if (QThread::currentThread() == server->thread())
        return function();
    if constexpr (std::is_void_v<decltype(function())>) {
        QMetaObject::invokeMethod(const_cast<QObject *>(server), function, Qt::BlockingQueuedConnection);
    } else {
        decltype(function()) result {};
        QMetaObject::invokeMethod(
            const_cast<QObject *>(server), [&result, &function] { result = function(); },
            Qt::BlockingQueuedConnection);
        return result;
    }
}

} // namespace

bool DemoServer::listen(quint16 port)
{
    return onServerThread(this, [this, port] {
        if (d->server->isListening()) {
            d->errorString =
                u"The demo server is already listening on port %1"_s.arg(d->server->serverPort());
            return false;
        }
        if (!d->server->listen(QHostAddress::LocalHost, port)) {
            d->errorString = d->server->errorString();
            return false;
        }
        d->errorString.clear();
        return true;
    });
}

void DemoServer::close()
{
    onServerThread(this, [this] {
        d->server->close();
        d->dropAllConnections();
    });
}

bool DemoServer::isListening() const
{
    return onServerThread(this, [this] { return d->server->isListening(); });
}

QString DemoServer::errorString() const
{
    return onServerThread(this, [this] { return d->errorString; });
}

quint16 DemoServer::port() const
{
    return onServerThread(this,
                          [this] { return d->server->isListening() ? d->server->serverPort() : quint16(0); });
}

QUrl DemoServer::baseUrl() const
{
    if (!isListening())
        return QUrl();
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    return url;
}

void DemoServer::setTokenLifetime(int seconds)
{
    onServerThread(this, [this, seconds] { d->tokenLifetime = seconds; });
}

int DemoServer::tokenLifetime() const
{
    return onServerThread(this, [this] { return d->tokenLifetime; });
}

void DemoServer::expireAllTokens()
{
    onServerThread(this, [this] {
        for (auto it = d->accessTokens.begin(); it != d->accessTokens.end(); ++it)
            it.value() = std::numeric_limits<qint64>::min();
    });
}

void DemoServer::setRejectAllTokens(bool reject)
{
    onServerThread(this, [this, reject] { d->rejectAllTokens = reject; });
}

DemoServer::Counters DemoServer::counters() const
{
    return onServerThread(this, [this] { return d->counters; });
}

void DemoServer::resetCounters()
{
    onServerThread(this, [this] { d->counters = Counters(); });
}

QString DemoServer::demoEmail()
{
    return u"demo@authstudio.test"_s;
}

QString DemoServer::demoPassword()
{
    return u"demo-password"_s;
}

} // namespace AuthStudio
