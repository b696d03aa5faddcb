// DemoHttpParser: the incremental HTTP/1.x request parser behind DemoServer. Bytes are appended as they
// arrive; parse() yields one complete request at a time (head plus Content-Length or chunked body), so
// requests split across reads and several requests in one read both work. It never trusts its input:
// sizes are capped and anything malformed becomes an error status the server answers before closing.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace AuthStudio {

class DemoHttpParser
{
public:
    static constexpr qsizetype MaxBodySize = 10 * 1024 * 1024; // 10 MiB
    static constexpr qsizetype MaxHeadSize = 64 * 1024;
    static constexpr qsizetype MaxHeaderCount = 100;
    static constexpr qsizetype MaxChunkLineSize = 4096;
    static constexpr qsizetype MaxMethodLength = 32;

    struct Header
    {
        QByteArray name; // as received (original case)
        QByteArray value; // surrounding whitespace removed
    };

    struct Request
    {
        QByteArray method;
        QByteArray target; // request target as received
        QByteArray pathAndQuery; // origin-form of the target ("/path?query")
        QByteArray path; // still percent-encoded
        QByteArray query; // without '?', still percent-encoded
        int minorVersion = 1; // HTTP/1.x
        QList<Header> headers;
        QByteArray body;
        bool keepAlive = true;

        // Values of every header called `name` (case-insensitive) joined by ", "; empty when absent.
        QByteArray header(QByteArrayView name) const;
        bool hasHeader(QByteArrayView name) const;
    };

    struct Error
    {
        int status = 400;
        QByteArray message;
        QByteArray method; // what was known of the request when it failed (may be empty)
        QByteArray path;
    };

    enum class Result { NeedMoreData, RequestReady, Failed };

    void append(QByteArrayView data);
    Result parse();
    // After RequestReady: the request; the parser then starts on the next one in the buffer.
    Request takeRequest();
    // After Failed: why. The parser stays failed; the connection should be closed.
    Error error() const { return m_error; }
    // True once per request that sent "Expect: 100-continue" and whose body has not fully arrived yet.
    bool takeContinueRequest();
    qsizetype bufferedBytes() const { return m_buffer.size(); }
    bool isIdle() const { return m_state == State::Head && m_buffer.isEmpty(); }

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Ready, Failed };

    Result fail(int status, QByteArray message);
    Result parseHead();
    Result parseHeadSection(QByteArrayView head);
    Result parseRequestLine(QByteArrayView line); // Failed, or NeedMoreData meaning "parsed"
    Result parseBody();
    Result parseChunked();
    bool checkRequestLinePrefix();

    State m_state = State::Head;
    QByteArray m_buffer;
    qsizetype m_headScanFrom = 0;
    bool m_requestLineChecked = false;
    qsizetype m_remaining = 0; // body or chunk bytes still expected
    qsizetype m_trailerBytes = 0;
    bool m_continueRequested = false;
    bool m_continueSent = false;
    Request m_request;
    Error m_error;
};

} // namespace AuthStudio
