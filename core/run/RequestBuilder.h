// RequestBuilder: turns an API Request step (or a query) into a QNetworkRequest and body, evaluating every
// {{ expression }} against the scope and encoding each value for where it goes. Header names and values
// that would carry CR, LF or NUL are refused before anything is sent.
#pragma once

#include "model/ApiRequestStep.h"

#include <QNetworkRequest>

class QNetworkAccessManager;
class QNetworkReply;

namespace AuthStudio {

class ExpressionEvaluator;
class Scope;

struct PreparedRequest
{
    QNetworkRequest request;
    QByteArray verb;
    QByteArray body;
    QString error; // empty when the request can be sent
    QString field; // the field at fault: "url", "header 'X-Token'", "header name 'X-Token'", "body", ...

    bool ok() const { return error.isEmpty(); }
};

class RequestBuilder
{
public:
    static PreparedRequest build(const ApiRequestStep &step, const Scope &scope,
                                 const ExpressionEvaluator &evaluator);

    // Sends a prepared request with QNAM's own verb functions where there is one, which keep connections
    // alive exactly as plain QNAM use does.
    static QNetworkReply *send(QNetworkAccessManager *network, const PreparedRequest &prepared);

    // Checks a header after interpolation; returns the reason it can't be sent, or an empty string.
    static QString checkHeader(const QString &name, const QString &value);
    // The same for a name or a value alone, or for the literal text of one (the file's rules check
    // what is written outside {{ }} before any run).
    static QString checkHeaderName(const QString &text);
    // A header name as a failure quotes it ("header 'X-B'", a line break or NUL in it written \r, \n, \0),
    // back as written: for the editor to find the row at fault.
    static QString headerNameAsWritten(const QString &quoted);
    static QString checkHeaderValue(const QString &text);
    // Checks an HTTP method: one token (letters, digits and !#$%&'*+-.^_`|~), as the request line is
    // written with it as it stands; returns the reason it can't be sent, or an empty string.
    static QString checkMethod(const QString &method);
};

} // namespace AuthStudio
