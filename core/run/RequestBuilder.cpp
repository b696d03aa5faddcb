#include "RequestBuilder.h"

#include "JsonBodyTemplate.h"
#include "script/ExpressionEvaluator.h"
#include "script/Scope.h"
#include "script/Template.h"

#include <QNetworkAccessManager>
#include <QUrl>

#include <algorithm>

namespace AuthStudio {

namespace {

struct Failure
{
    QString field;
    QString reason;
};

bool isTokenChar(QChar c)
{
    static const QString extra = QStringLiteral("!#$%&'*+-.^_`|~");
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
        extra.contains(c);
}

QString fieldOrigin(const ApiRequestStep &step, const QString &field)
{
    return QStringLiteral("%1, %2").arg(step.name, field);
}

// `field` is what the message calls the field; `failedField`, when given, what the failure names as the
// field at fault (a row's name rather than its value, for the editor to put the cursor in that cell).
QString interpolateOrThrow(const QString &text, const Scope &scope, const ExpressionEvaluator &evaluator,
                           const ApiRequestStep &step, const QString &field, const QString &failedField = {})
{
    QString error;
    QString result = evaluator.interpolateText(text, scope, fieldOrigin(step, field), &error);
    if (!error.isEmpty())
        throw Failure {failedField.isEmpty() ? field : failedField, error};
    return result;
}

QByteArray encodeForm(const KeyValueList &fields, const Scope &scope, const ExpressionEvaluator &evaluator,
                      const ApiRequestStep &step, const QString &what)
{
    QByteArray encoded;
    for (const KeyValue &field : fields) {
        if (!field.enabled || field.isBlank())
            continue;
        // The row's name as written says which row it is ("parameter name '{{ nope }}'").
        const QString name = interpolateOrThrow(field.name, scope, evaluator, step,
                                                QStringLiteral("%1 name '%2'").arg(what, field.name));
        const QString value = interpolateOrThrow(field.value, scope, evaluator, step,
                                                 QStringLiteral("%1 '%2'").arg(what, field.name));
        if (!encoded.isEmpty())
            encoded += '&';
        encoded += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return encoded;
}

// The expressions a header's text holds, as written ({{ form1.email }}, not just {{ form1 }}): where a
// refused character came from, to say so without showing the value.
QString expressionsIn(const QString &text)
{
    QStringList expressions;
    for (const Template::Part &part : Template::parse(text)->parts()) {
        const QString expression = part.text.simplified();
        if (part.kind != Template::Part::Kind::Literal && !expressions.contains(expression))
            expressions.append(expression);
    }
    return expressions.isEmpty()
        ? QString()
        : QStringLiteral(" (it comes from {{ %1 }})").arg(expressions.join(QStringLiteral(" }}, {{ ")));
}

// A header name as a message quotes it: a line break or NUL in it would break the message itself.
QString escapedName(const QString &name)
{
    QString shown = name;
    return shown.replace(QLatin1Char('\r'), QLatin1String("\\r"))
        .replace(QLatin1Char('\n'), QLatin1String("\\n"))
        .replace(QChar(0), QLatin1String("\\0"));
}

QString quotedName(const QString &name)
{
    return QStringLiteral("header '%1'").arg(escapedName(name));
}

// The header row whose name is at fault, as the failure names it, for the editor to put the cursor in
// that cell; the message keeps saying "header 'X'".
QString headerNameField(const QString &name)
{
    return QStringLiteral("header name '%1'").arg(escapedName(name));
}

// A character a token can't hold, as a message names it: "a space", "a tab", "'@'".
QString characterName(QChar c)
{
    return c == u' ' ? QStringLiteral("a space")
        : c == u'\t' ? QStringLiteral("a tab")
                     : QStringLiteral("'%1'").arg(c);
}

bool isLineBreakOrNul(QChar c)
{
    return c == u'\r' || c == u'\n' || c == QChar(0);
}

} // namespace

QString RequestBuilder::checkHeader(const QString &name, const QString &value)
{
    if (name.isEmpty())
        return QStringLiteral("the header name is empty");
    if (const QString problem = checkHeaderName(name); !problem.isEmpty())
        return problem;
    return checkHeaderValue(value);
}

QString RequestBuilder::headerNameAsWritten(const QString &quoted)
{
    QString name = quoted; // escapedName() undone
    return name.replace(QLatin1String("\\r"), QLatin1String("\r"))
        .replace(QLatin1String("\\n"), QLatin1String("\n"))
        .replace(QLatin1String("\\0"), QString(QChar(0)));
}

QString RequestBuilder::checkHeaderName(const QString &text)
{
    // The body's framing is the network layer's: set by hand, a length that doesn't match the body kept
    // the server waiting for bytes that never came, until the timeout (QA pass 50).
    if (text.compare(QLatin1String("Content-Length"), Qt::CaseInsensitive) == 0 ||
        text.compare(QLatin1String("Transfer-Encoding"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("%1 is worked out from the body when the request is sent, and one set by hand "
                              "can leave the server waiting for bytes that never come; remove this header")
            .arg(text);
    for (const QChar c : text) {
        if (isLineBreakOrNul(c))
            return QStringLiteral("the header name contains a line break (CR/LF) or NUL, which could inject "
                                  "headers");
        if (!isTokenChar(c))
            return QStringLiteral("the header name contains %1, which header names can't hold (letters, "
                                  "digits and !#$%&'*+-.^_`|~ only)")
                .arg(characterName(c));
    }
    return {};
}

QString RequestBuilder::checkMethod(const QString &method)
{
    if (method.isEmpty())
        return QStringLiteral("the method is empty; give one such as GET or POST");
    // A line break first: it is what matters most, whatever space comes before it.
    if (std::any_of(method.cbegin(), method.cend(), isLineBreakOrNul))
        return QStringLiteral("the method contains a line break (CR/LF) or NUL, which could inject headers");
    for (const QChar c : method) {
        if (!isTokenChar(c))
            return QStringLiteral("the method contains %1, which methods can't hold (one word of letters, "
                                  "digits and !#$%&'*+-.^_`|~, such as GET or POST)")
                .arg(characterName(c));
    }
    return {};
}

QString RequestBuilder::checkHeaderValue(const QString &text)
{
    for (const QChar c : text) {
        if (isLineBreakOrNul(c))
            return QStringLiteral(
                "the value contains a line break (CR/LF) or NUL, which could inject headers");
    }
    return {};
}

QNetworkReply *RequestBuilder::send(QNetworkAccessManager *network, const PreparedRequest &prepared)
{
    if (prepared.verb == "GET" && prepared.body.isEmpty())
        return network->get(prepared.request);
    if (prepared.verb == "POST")
        return network->post(prepared.request, prepared.body);
    if (prepared.verb == "PUT")
        return network->put(prepared.request, prepared.body);
    if (prepared.verb == "DELETE" && prepared.body.isEmpty())
        return network->deleteResource(prepared.request);
    if (prepared.verb == "HEAD")
        return network->head(prepared.request);
    return network->sendCustomRequest(prepared.request, prepared.verb, prepared.body);
}

PreparedRequest RequestBuilder::build(const ApiRequestStep &step, const Scope &scope,
                                      const ExpressionEvaluator &evaluator)
{
    PreparedRequest prepared;
    try {
        // The request line carries the method as it stands: a line break in it would start headers of
        // its own (QA pass 50: "GET /x HTTP/1.1\r\nX-Evil: 1" was sent as written).
        if (const QString problem = checkMethod(step.method.toUpper()); !problem.isEmpty())
            throw Failure {QStringLiteral("method"),
                           QStringLiteral("%1: %2; nothing was sent")
                               .arg(fieldOrigin(step, QStringLiteral("method")), problem)};
        const QString urlText =
            interpolateOrThrow(step.url, scope, evaluator, step, QStringLiteral("URL")).trimmed();
        QUrl url(urlText, QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
            url.host().isEmpty()) {
            const QString origin = fieldOrigin(step, QStringLiteral("URL"));
            // Nothing to show between quotes: say what is missing instead ("'' is not a valid URL" read as
            // a quoting fault).
            if (urlText.isEmpty() && step.url.trimmed().isEmpty())
                throw Failure {QStringLiteral("URL"),
                               QStringLiteral("%1: no URL; enter the endpoint this step calls, e.g. "
                                              "{{ DEMO_API }}/login")
                                   .arg(origin)};
            if (urlText.isEmpty())
                throw Failure {QStringLiteral("URL"),
                               QStringLiteral("%1: '%2' came out empty, where an http:// or https:// URL "
                                              "was needed")
                                   .arg(origin, step.url.trimmed())};
            // Expressions go into the URL as written, so a value with a space (a password) breaks it:
            // say where such values belong.
            const bool httpUrl = urlText.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
                urlText.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
            // "{{ DEMO_API }}post": the server's address run into the path (QA pass 36, where the hint
            // about query parameters misled).
            const QList<Template::Part> &parts = Template::parse(step.url)->parts();
            const bool slashMissing = parts.size() >= 2 &&
                parts.at(0).kind != Template::Part::Kind::Literal &&
                parts.at(1).kind == Template::Part::Kind::Literal && !parts.at(1).text.isEmpty() &&
                parts.at(1).text.at(0).isLetterOrNumber() && httpUrl;
            QString hint;
            if (slashMissing) {
                hint = QStringLiteral("; is a / missing between {{ %1 }} and '%2'?")
                           .arg(parts.at(0).text.trimmed(), parts.at(1).text);
            } else if (step.url.contains(QLatin1String("{{")) && httpUrl) {
                hint =
                    QStringLiteral("; values from expressions are inserted as written, so put one that may "
                                   "hold spaces or & in Query parameters, which are encoded");
            }
            throw Failure {QStringLiteral("URL"),
                           QStringLiteral("%1: '%2' is not a valid http:// or https:// URL%3")
                               .arg(origin, urlText, hint)};
        }
        const QByteArray query =
            encodeForm(step.queryParameters, scope, evaluator, step, QStringLiteral("parameter"));
        if (!query.isEmpty()) {
            QByteArray existing = url.query(QUrl::FullyEncoded).toLatin1();
            url.setQuery(QString::fromLatin1(existing.isEmpty() ? query : existing + '&' + query),
                         QUrl::StrictMode);
        }
        prepared.request.setUrl(url);
        prepared.request.setTransferTimeout(0); // the runner owns the timeout, to report it precisely
        // Credentials never follow a redirect to another origin.
        prepared.request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                      QNetworkRequest::SameOriginRedirectPolicy);
        prepared.verb = step.method.toUpper().toLatin1();

        bool hasContentType = false;
        for (const KeyValue &header : step.headers) {
            if (!header.enabled || header.isBlank()) // a table's spare row
                continue;
            const QString field = quotedName(header.name);
            const QString name =
                interpolateOrThrow(header.name, scope, evaluator, step, field, headerNameField(header.name));
            const QString value = interpolateOrThrow(header.value, scope, evaluator, step, field);
            const QString nameProblem = checkHeader(name, QString()); // an empty name included
            const QString problem = nameProblem.isEmpty() ? checkHeaderValue(value) : nameProblem;
            if (!problem.isEmpty()) {
                // A name that is one expression is quoted whole by the field already: not said twice.
                const bool nameSaysIt =
                    !nameProblem.isEmpty() && Template::parse(header.name)->isSingleExpression();
                const QString from = nameSaysIt
                    ? QString()
                    : expressionsIn(nameProblem.isEmpty() ? header.value : header.name);
                throw Failure {nameProblem.isEmpty() ? field : headerNameField(header.name),
                               QStringLiteral("%1: %2%3; nothing was sent")
                                   .arg(fieldOrigin(step, field), problem, from)};
            }
            hasContentType |= name.compare(QLatin1String("content-type"), Qt::CaseInsensitive) == 0;
            prepared.request.setRawHeader(name.toLatin1(), value.toUtf8());
        }

        // The program's own name, where the workflow sets none: Qt's default ("Mozilla/5.0") passed it off
        // as a browser in the servers' logs (QA pass 37).
        if (prepared.request.rawHeader("User-Agent").isEmpty())
            prepared.request.setRawHeader("User-Agent", QByteArrayLiteral("AuthStudio/" AUTHSTUDIO_VERSION));

        QByteArray contentType;
        switch (step.body.kind) {
        case RequestBody::Kind::None:
            break;
        case RequestBody::Kind::Json: {
            if (!step.body.text.trimmed().isEmpty()) {
                const std::shared_ptr<const JsonBodyTemplate> body = JsonBodyTemplate::parse(step.body.text);
                if (!body->isValid()) {
                    throw Failure {QStringLiteral("body"),
                                   QStringLiteral("%1: the JSON body is not valid JSON: %2")
                                       .arg(fieldOrigin(step, QStringLiteral("body")), body->error())};
                }
                QString error;
                prepared.body = body->render(scope, evaluator, step.name, &error);
                if (!error.isEmpty())
                    throw Failure {QStringLiteral("body"), error};
            }
            contentType = "application/json";
            break;
        }
        case RequestBody::Kind::FormUrlEncoded:
            prepared.body =
                encodeForm(step.body.fields, scope, evaluator, step, QStringLiteral("body field"));
            contentType = "application/x-www-form-urlencoded";
            break;
        case RequestBody::Kind::Raw:
            prepared.body =
                interpolateOrThrow(step.body.text, scope, evaluator, step, QStringLiteral("body")).toUtf8();
            contentType = step.body.contentType.isEmpty() ? QByteArray("text/plain; charset=utf-8")
                                                          : step.body.contentType.toLatin1();
            break;
        }
        if (!contentType.isEmpty() && !hasContentType)
            prepared.request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    } catch (const Failure &failure) {
        prepared.error = failure.reason;
        prepared.field = failure.field;
    }
    return prepared;
}

} // namespace AuthStudio
