#include "DemoHttpParser.h"

#include <utility>

namespace AuthStudio {

namespace {

// RFC 9110 token characters (method and header names).
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool isDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QByteArray chopCarriageReturn(QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

// Lower-cased, trimmed comma-separated tokens of a header value ("close, Upgrade" -> {"close","upgrade"}).
QList<QByteArray> headerTokens(const QByteArray &value)
{
    QList<QByteArray> tokens;
    const QList<QByteArray> parts = value.split(',');
    for (const QByteArray &part : parts) {
        const QByteArray token = part.trimmed().toLower();
        if (!token.isEmpty())
            tokens.append(token);
    }
    return tokens;
}

} // namespace

QByteArray DemoHttpParser::Request::header(QByteArrayView name) const
{
    QByteArray result;
    bool first = true;
    for (const Header &h : headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (!first)
            result += ", ";
        result += h.value;
        first = false;
    }
    return result;
}

bool DemoHttpParser::Request::hasHeader(QByteArrayView name) const
{
    for (const Header &h : headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void DemoHttpParser::append(QByteArrayView data)
{
    if (m_state == State::Failed)
        return;
    m_buffer.append(data);
}

DemoHttpParser::Result DemoHttpParser::parse()
{
    for (;;) {
        Result step = Result::NeedMoreData;
        const State before = m_state;
        const qsizetype sizeBefore = m_buffer.size();
        switch (m_state) {
        case State::Head:
            step = parseHead();
            break;
        case State::Body:
            step = parseBody();
            break;
        case State::ChunkSize:
        case State::ChunkData:
        case State::ChunkDataEnd:
        case State::Trailers:
            step = parseChunked();
            break;
        case State::Ready:
            return Result::RequestReady;
        case State::Failed:
            return Result::Failed;
        }
        if (step == Result::Failed)
            return Result::Failed;
        // Keep going while a step made progress (changed state or consumed bytes).
        if (m_state == before && m_buffer.size() == sizeBefore)
            return m_state == State::Ready ? Result::RequestReady : Result::NeedMoreData;
    }
}

DemoHttpParser::Request DemoHttpParser::takeRequest()
{
    Request request = std::move(m_request);
    m_request = Request();
    m_state = m_state == State::Failed ? State::Failed : State::Head;
    m_headScanFrom = 0;
    m_requestLineChecked = false;
    m_remaining = 0;
    m_trailerBytes = 0;
    m_continueRequested = false;
    m_continueSent = false;
    return request;
}

bool DemoHttpParser::takeContinueRequest()
{
    const bool awaitingBody = m_state == State::Body || m_state == State::ChunkSize ||
        m_state == State::ChunkData || m_state == State::ChunkDataEnd;
    if (!m_continueRequested || m_continueSent || !awaitingBody)
        return false;
    m_continueSent = true;
    return true;
}

DemoHttpParser::Result DemoHttpParser::fail(int status, QByteArray message)
{
    m_state = State::Failed;
    m_error.status = status;
    m_error.message = std::move(message);
    m_error.method = m_request.method;
    m_error.path = m_request.path;
    m_buffer.clear();
    return Result::Failed;
}

// Rejects garbage as soon as the first bytes arrive (for example a TLS handshake sent to this plain HTTP
// port) instead of waiting for a blank line that may never come.
bool DemoHttpParser::checkRequestLinePrefix()
{
    const qsizetype limit = qMin<qsizetype>(m_buffer.size(), MaxMethodLength + 1);
    for (qsizetype i = 0; i < limit; ++i) {
        const char c = m_buffer.at(i);
        if (c == ' ')
            return i > 0;
        if (!isTokenChar(c))
            return false;
    }
    return m_buffer.size() <= MaxMethodLength;
}

DemoHttpParser::Result DemoHttpParser::parseHead()
{
    // Tolerate empty lines before a request line (some clients send a CRLF after a body).
    qsizetype skip = 0;
    while (skip < m_buffer.size() && (m_buffer.at(skip) == '\r' || m_buffer.at(skip) == '\n'))
        ++skip;
    if (skip > 0) {
        m_buffer.remove(0, skip);
        m_headScanFrom = 0;
    }
    if (m_buffer.isEmpty())
        return Result::NeedMoreData;
    if (!checkRequestLinePrefix())
        return fail(400, "Malformed request line");

    qsizetype end = -1;
    qsizetype pos = m_headScanFrom;
    const qsizetype size = m_buffer.size();
    while ((pos = m_buffer.indexOf('\n', pos)) >= 0) {
        if (pos + 1 < size && m_buffer.at(pos + 1) == '\n') {
            end = pos + 2;
            break;
        }
        if (pos + 2 < size && m_buffer.at(pos + 1) == '\r' && m_buffer.at(pos + 2) == '\n') {
            end = pos + 3;
            break;
        }
        ++pos;
    }
    if (end < 0) {
        // Judge a complete request line right away rather than wait for a head that may never end.
        const qsizetype firstNewline = m_requestLineChecked ? -1 : m_buffer.indexOf('\n');
        if (firstNewline >= 0) {
            m_requestLineChecked = true;
            const QByteArray requestLine = chopCarriageReturn(m_buffer.left(firstNewline));
            if (requestLine.contains('\r'))
                return fail(400, "Malformed request line");
            if (parseRequestLine(requestLine) == Result::Failed)
                return Result::Failed;
        }
        if (size > MaxHeadSize)
            return fail(431, "Request header section too large");
        m_headScanFrom = qMax<qsizetype>(0, size - 2);
        return Result::NeedMoreData;
    }
    if (end > MaxHeadSize)
        return fail(431, "Request header section too large");

    const QByteArray head = m_buffer.left(end);
    m_buffer.remove(0, end);
    m_headScanFrom = 0;
    return parseHeadSection(head);
}

DemoHttpParser::Result DemoHttpParser::parseRequestLine(QByteArrayView lineView)
{
    const QByteArray line = lineView.toByteArray();
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty() || parts.at(2).isEmpty())
        return fail(400, "Malformed request line");
    if (!isToken(parts.at(0)))
        return fail(400, "Malformed request line");
    m_request.method = parts.at(0);

    const QByteArray &target = parts.at(1);
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f)
            return fail(400, "Invalid request target");
    }

    const QByteArray &version = parts.at(2);
    if (version.size() != 8 || !version.startsWith("HTTP/") || version.at(6) != '.' ||
        !isDigits(version.mid(5, 1)) || !isDigits(version.mid(7, 1)))
        return fail(400, "Malformed HTTP version");
    if (version.at(5) != '1')
        return fail(505, "HTTP version not supported");
    m_request.minorVersion = version.at(7) - '0';

    QByteArray originForm;
    if (target.startsWith('/') || target == "*") {
        originForm = target;
    } else if (target.toLower().startsWith("http://") || target.toLower().startsWith("https://")) {
        // absolute-form: drop scheme and authority
        const qsizetype authorityStart = target.indexOf("://") + 3;
        qsizetype pathStart = target.size();
        for (qsizetype i = authorityStart; i < target.size(); ++i) {
            const char c = target.at(i);
            if (c == '/' || c == '?' || c == '#') {
                pathStart = i;
                break;
            }
        }
        originForm = target.mid(pathStart);
        if (!originForm.startsWith('/'))
            originForm.prepend('/');
    } else {
        return fail(400, "Invalid request target");
    }
    const qsizetype hash = originForm.indexOf('#');
    if (hash >= 0)
        originForm.truncate(hash);
    m_request.target = target;
    m_request.pathAndQuery = originForm;
    const qsizetype question = originForm.indexOf('?');
    m_request.path = question >= 0 ? originForm.left(question) : originForm;
    m_request.query = question >= 0 ? originForm.mid(question + 1) : QByteArray();
    return Result::NeedMoreData;
}

DemoHttpParser::Result DemoHttpParser::parseHeadSection(QByteArrayView headView)
{
    const QByteArray head = headView.toByteArray();
    QList<QByteArray> lines = head.split('\n');
    // The head ends with an empty line, so split() yields two trailing empty entries.
    while (!lines.isEmpty() && chopCarriageReturn(lines.constLast()).isEmpty())
        lines.removeLast();
    if (lines.isEmpty())
        return fail(400, "Malformed request line");

    const QByteArray requestLine = chopCarriageReturn(lines.at(0));
    if (requestLine.contains('\r'))
        return fail(400, "Malformed request line");
    if (parseRequestLine(requestLine) == Result::Failed)
        return Result::Failed;

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = chopCarriageReturn(lines.at(i));
        if (line.isEmpty())
            return fail(400, "Malformed header section");
        if (line.startsWith(' ') || line.startsWith('\t'))
            return fail(400, "Folded header lines are not supported");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(QByteArrayView(line).first(colon)))
            return fail(400, "Malformed header line");
        const QByteArray value = line.mid(colon + 1).trimmed();
        for (const char c : value) {
            const auto u = static_cast<unsigned char>(c);
            if ((u < 0x20 && c != '\t') || u == 0x7f)
                return fail(400, "Invalid character in header value");
        }
        if (m_request.headers.size() >= MaxHeaderCount)
            return fail(431, "Too many request headers");
        m_request.headers.append(Header {line.left(colon), value});
    }

    // Persistence
    const QList<QByteArray> connection = headerTokens(m_request.header("connection"));
    if (m_request.minorVersion == 0)
        m_request.keepAlive = connection.contains("keep-alive") && !connection.contains("close");
    else
        m_request.keepAlive = !connection.contains("close");

    // Message framing
    const bool hasTransferEncoding = m_request.hasHeader("transfer-encoding");
    const bool hasContentLength = m_request.hasHeader("content-length");
    if (hasTransferEncoding && hasContentLength)
        return fail(400, "Both Transfer-Encoding and Content-Length were sent");
    if (hasTransferEncoding) {
        const QList<QByteArray> codings = headerTokens(m_request.header("transfer-encoding"));
        if (codings != QList<QByteArray> {QByteArrayLiteral("chunked")})
            return fail(501, "Unsupported Transfer-Encoding");
        m_state = State::ChunkSize;
    } else if (hasContentLength) {
        const QList<QByteArray> values = m_request.header("content-length").split(',');
        QByteArray length;
        for (const QByteArray &raw : values) {
            const QByteArray value = raw.trimmed();
            if (!isDigits(value) || (!length.isEmpty() && value != length))
                return fail(400, "Invalid Content-Length");
            length = value;
        }
        qsizetype firstNonZero = 0;
        while (firstNonZero < length.size() - 1 && length.at(firstNonZero) == '0')
            ++firstNonZero;
        if (length.size() - firstNonZero > 12)
            return fail(413, "Request body too large");
        const qint64 bodyLength = length.mid(firstNonZero).toLongLong();
        if (bodyLength > MaxBodySize)
            return fail(413, "Request body too large");
        m_remaining = static_cast<qsizetype>(bodyLength);
        m_state = m_remaining > 0 ? State::Body : State::Ready;
    } else {
        m_state = State::Ready;
    }

    if (m_request.hasHeader("expect")) {
        const QByteArray expect = m_request.header("expect").trimmed().toLower();
        if (expect != "100-continue")
            return fail(417, "Unsupported Expect header");
        m_continueRequested = m_request.minorVersion >= 1;
    }
    return Result::NeedMoreData;
}

DemoHttpParser::Result DemoHttpParser::parseBody()
{
    if (m_buffer.size() < m_remaining)
        return Result::NeedMoreData;
    m_request.body = m_buffer.left(m_remaining);
    m_buffer.remove(0, m_remaining);
    m_remaining = 0;
    m_state = State::Ready;
    return Result::NeedMoreData;
}

DemoHttpParser::Result DemoHttpParser::parseChunked()
{
    switch (m_state) {
    case State::ChunkSize: {
        const qsizetype newline = m_buffer.indexOf('\n');
        if (newline < 0) {
            if (m_buffer.size() > MaxChunkLineSize)
                return fail(400, "Malformed chunk size");
            return Result::NeedMoreData;
        }
        QByteArray line = chopCarriageReturn(m_buffer.left(newline));
        m_buffer.remove(0, newline + 1);
        const qsizetype semicolon = line.indexOf(';');
        if (semicolon >= 0)
            line.truncate(semicolon);
        line = line.trimmed();
        if (line.isEmpty())
            return fail(400, "Malformed chunk size");
        qint64 size = 0;
        for (const char c : std::as_const(line)) {
            const int digit = hexValue(c);
            if (digit < 0)
                return fail(400, "Malformed chunk size");
            size = size * 16 + digit;
            if (size > MaxBodySize)
                return fail(413, "Request body too large");
        }
        if (m_request.body.size() + size > MaxBodySize)
            return fail(413, "Request body too large");
        m_remaining = static_cast<qsizetype>(size);
        m_state = m_remaining > 0 ? State::ChunkData : State::Trailers;
        return Result::NeedMoreData;
    }
    case State::ChunkData: {
        const qsizetype take = qMin(m_remaining, m_buffer.size());
        if (take > 0) {
            m_request.body.append(QByteArrayView(m_buffer).first(take));
            m_buffer.remove(0, take);
            m_remaining -= take;
        }
        if (m_remaining == 0)
            m_state = State::ChunkDataEnd;
        return Result::NeedMoreData;
    }
    case State::ChunkDataEnd:
        if (m_buffer.startsWith("\r\n")) {
            m_buffer.remove(0, 2);
            m_state = State::ChunkSize;
        } else if (m_buffer.startsWith('\n')) {
            m_buffer.remove(0, 1);
            m_state = State::ChunkSize;
        } else if (!m_buffer.isEmpty() && m_buffer != "\r") {
            return fail(400, "Malformed chunk");
        }
        return Result::NeedMoreData;
    case State::Trailers: {
        const qsizetype newline = m_buffer.indexOf('\n');
        if (newline < 0) {
            if (m_trailerBytes + m_buffer.size() > MaxHeadSize)
                return fail(431, "Trailer section too large");
            return Result::NeedMoreData;
        }
        const QByteArray line = chopCarriageReturn(m_buffer.left(newline));
        m_buffer.remove(0, newline + 1);
        m_trailerBytes += newline + 1;
        if (m_trailerBytes > MaxHeadSize)
            return fail(431, "Trailer section too large");
        if (line.isEmpty())
            m_state = State::Ready; // trailer fields themselves are ignored
        return Result::NeedMoreData;
    }
    default:
        return Result::NeedMoreData;
    }
}

} // namespace AuthStudio
