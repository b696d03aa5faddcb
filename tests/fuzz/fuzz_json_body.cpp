// Fuzzes the JSON text a user types or a server sends: an API Request step's body (JsonBodyTemplate and
// JsonDuplicateKey), a reply's body (HttpResponse), JsonText (Format JSON too), and a stored auth session
// (AuthSession).
#include "FuzzCheck.h"
#include "run/HttpResponse.h"
#include "run/JsonBodyTemplate.h"
#include "run/JsonDuplicateKey.h"
#include "run/JsonText.h"
#include "session/AuthSession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace AuthStudio;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    const QString text = QString::fromUtf8(input);

    const std::shared_ptr<const JsonBodyTemplate> body = JsonBodyTemplate::parse(text);
    const std::optional<JsonBodyTemplate::SyntaxError> syntaxError = JsonBodyTemplate::syntaxError(text);
    if (syntaxError) {
        FUZZ_CHECK(!syntaxError->reason.isEmpty());
        FUZZ_CHECK(syntaxError->offset >= 0 && syntaxError->offset <= text.size());
        FUZZ_CHECK(syntaxError->line >= 1 && syntaxError->column >= 1);
    }
    if (!syntaxError && !text.trimmed().isEmpty()) {
        // Format JSON: the same JSON (keys in order, values as written, so the same request), set out once
        // for all, and lone values too (a body may be one).
        const QString indented = JsonText::indented(text);
        const auto asArray = [](const QString &json) {
            return QJsonDocument::fromJson(QByteArray("[") + json.toUtf8() + QByteArray("]"));
        };
        FUZZ_CHECK(!asArray(indented).isNull());
        FUZZ_CHECK(asArray(indented) == asArray(text));
        FUZZ_CHECK(JsonText::indented(indented) == indented);
        FUZZ_CHECK(!JsonBodyTemplate::syntaxError(indented));
    }
    const qsizetype stride = qMax<qsizetype>(1, text.size() / 16);
    for (qsizetype offset = 0; offset <= text.size(); offset += stride)
        JsonBodyTemplate::isExpressionOutsideString(text, offset);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(input, &parseError);
    if (parseError.error == QJsonParseError::NoError) {
        // Only valid JSON is JsonDuplicateKey's to read.
        const QList<JsonDuplicateKey::Found> all = JsonDuplicateKey::findAll(input);
        for (const JsonDuplicateKey::Found &found : all)
            FUZZ_CHECK(found.offset >= 0 && found.offset < input.size() && input.at(found.offset) == '"');
        FUZZ_CHECK(JsonDuplicateKey::find(input).has_value() == !all.isEmpty());
        const QJsonValue value = document.isArray() ? QJsonValue(document.array()) : document.object();
        JsonText::sizeUpTo(value, 1 + size % 4096);
    }

    QByteArray literal;
    JsonText::appendString(literal, input);
    if (text.toUtf8() == input) { // other bytes go out as they are
        const QJsonDocument wrapped = QJsonDocument::fromJson("[" + literal + "]", &parseError);
        FUZZ_CHECK(parseError.error == QJsonParseError::NoError);
        FUZZ_CHECK(wrapped.array().at(0).toString() == text);
    }

    HttpResponse response;
    response.status = size > 0 ? 100 + data[0] * 2 : 200;
    const qsizetype split = input.indexOf("\n\n");
    if (split >= 0) {
        for (const QByteArray &line : input.left(split).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            response.headers.append({line.left(colon), line.mid(colon + 1)});
        }
        response.body = input.mid(split + 2);
    } else {
        response.body = input;
    }
    response.parsedBody();
    response.toScopeValue();
    response.failureText();

    if (const std::optional<AuthSession> session = AuthSession::fromJson(input)) {
        const QByteArray stored = session->toJson();
        const std::optional<AuthSession> again = AuthSession::fromJson(stored);
        FUZZ_CHECK(again.has_value());
        FUZZ_CHECK(again->toJson() == stored);
    }
    return 0;
}
